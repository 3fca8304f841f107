// Database: the one storage interface of xinan, over SQLite or PostgreSQL.
//
// Reads run on pooled read connections and never wait for the writer.
// Writes go through the group-commit writer: one thread owns the write connection, takes
// the queued jobs (up to a batch limit, waiting a few hundred microseconds when the queue is
// short), runs them in one transaction with a savepoint per job, appends their audit events
// to the hash chain in the same transaction, commits once (SQLite synchronous=FULL,
// PostgreSQL synchronous_commit=on) and only then answers every job. A job that fails rolls
// back to its savepoint and fails alone; its audit events vanish with it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/clock.h"
#include "common/result.h"
#include "store/connection.h"

namespace xinan::store {

// One entry of the audit chain. The writer sets `seq`, `at_millis` (when 0), and the hashes.
struct AuditEvent {
  std::string actor_user_id;
  std::string actor_username;
  std::string actor_role;
  std::string actor_unit_id;
  std::string action;       // "auth.login", "person.read", "person.create", ...
  std::string object_type;  // "person", "user", "org_unit", "session", ...
  std::string object_id;
  std::string person_id;    // the person whose record was touched, if any
  std::string reason;       // break-glass reason, failure reason, ...
  std::string request_id;
  int64_t at_millis = 0;
};

// What a write job sees: the write connection inside its savepoint, and the audit chain.
class WriteContext {
 public:
  virtual ~WriteContext() = default;
  virtual Connection& conn() = 0;
  // Appends `event` to the audit chain in the current transaction.
  virtual Status Audit(AuditEvent event) = 0;
  virtual int64_t NowMillis() const = 0;
};

using WriteJob = std::function<Status(WriteContext&)>;
using ReadJob = std::function<Status(Connection&)>;

struct DatabaseOptions {
  // "sqlite:./data/xinan.db", a plain file path (SQLite), or "postgresql://user@host:port/db".
  std::string url = "sqlite:./data/xinan.db";
  int read_pool_size = 8;
  int max_batch = 512;          // jobs per group-commit transaction at most
  int max_wait_micros = 300;    // how long the writer waits to fill a short batch
  const Clock* clock = nullptr;  // required
  bool run_migrations = true;    // bring the schema up to date on open
  // SQLite: on open, append zeros to the WAL file up to this size (ReserveWal), so that commits
  // overwrite allocated blocks; 0 = leave the WAL to grow as it is written. A failure to reserve
  // (a full disk) is logged and the database opens anyway.
  int64_t wal_reserve_bytes = 0;
};

// Group-commit statistics for /metrics.
struct WriteStats {
  uint64_t batches = 0;
  uint64_t jobs = 0;
  uint64_t failed_jobs = 0;
  // Histogram of batch sizes: counts of batches with size <= bound, bounds 1,2,4,...,512.
  std::vector<std::pair<int, uint64_t>> batch_size_buckets;
  // Where the time of a write goes, in microseconds, summed (divide by jobs, batches or syncs):
  uint64_t queue_micros = 0;      // per job: queued until its batch began
  uint64_t batch_micros = 0;      // per batch: BEGIN until COMMIT (or ROLLBACK) returned
  uint64_t sync_wait_micros = 0;  // per job: its batch committed until answered durable (SQLite)
  uint64_t syncs = 0;             // durability barriers run (SQLite: fdatasync of the WAL)
  uint64_t sync_micros = 0;       // time inside them
  // Histogram of their durations: counts of syncs that lasted <= bound µs, bounds 1 ms … 1 s.
  std::vector<std::pair<uint64_t, uint64_t>> sync_duration_buckets;
  // A WAL sync failed: what was written since may not be on disk, and a later sync cannot tell
  // (the kernel reports a writeback error once). Every later write is refused until restart.
  bool durability_lost = false;
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Engine engine() const = 0;

  // Runs `job` on a read connection. Thread-safe. Returns the job's Status.
  virtual Status Read(const ReadJob& job) = 0;
  // Queues `job` for the group-commit writer and blocks until its batch is durably committed
  // (OK) or the job failed (its Status; nothing of it is kept). Thread-safe.
  // Returns kUnavailable when the database is shutting down or the commit failed.
  virtual Status Write(WriteJob job) = 0;

  // The schema version of the database and the newest this binary knows.
  virtual Result<int> SchemaVersion() = 0;
  virtual int LatestSchemaVersion() const = 0;

  virtual WriteStats Stats() const = 0;
  // Drains queued writes and stops the writer. Later writes get kUnavailable.
  virtual void Close() = 0;
};

// Opens (and with run_migrations, migrates) the database named by options.url.
// Fails with "database_newer_than_binary" when the schema is newer than this binary knows.
Result<std::unique_ptr<Database>> OpenDatabase(const DatabaseOptions& options);

// Outcome of walking the audit chain.
struct AuditVerification {
  bool ok = true;
  int64_t rows = 0;
  int64_t first_broken_seq = 0;  // 0 when ok
  std::string reason;            // "hash mismatch", "prev_hash mismatch", "gap in seq", …
  int64_t head_seq = 0;          // the last row walked, and its hash: record them outside the
  std::string head_hash;         // database to check later that nothing up to there changed
};
// The file of a SQLite database URL (`sqlite:PATH` or a bare path); "" for PostgreSQL.
std::string SqliteFileOf(const std::string& url);

// A head recorded from an earlier verification (seq 0: none).
struct AuditHead {
  int64_t seq = 0;
  std::string hash;
};
// Walks the whole audit chain from its first row (seq 1; a row numbered below it is a break)
// and reports the first broken link. With `expected`, the chain must still hold that row with
// that hash: the chain is a plain hash chain, so whoever can write the database could delete its
// newest rows or rewrite it whole and hash it again; a head kept elsewhere catches both.
Result<AuditVerification> VerifyAuditChain(Database& db, const AuditHead& expected = {});

}  // namespace xinan::store

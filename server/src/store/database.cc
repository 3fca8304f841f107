// The Database implementation shared by both engines: a pool of read connections and the
// group-commit writer over one write connection.
#include "store/database.h"

#include <chrono>

#include <spdlog/spdlog.h>

#include "common/fiber.h"
#include "store/group_commit.h"
#include "store/migrations.h"
#include "store/postgres_connection.h"
#include "store/read_pool.h"
#include "store/sqlite_connection.h"

namespace xinan::store {
namespace {

bool IsPostgresUrl(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

std::string SqlitePath(const std::string& url) {
  return url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
}

// How long a SQLite read snapshot may serve jobs when nothing was committed in this process
// (ReadPool): what another process writes meanwhile is seen at most this late.
constexpr std::chrono::milliseconds kMaxSnapshotAge{50};

class PooledDatabase final : public Database {
 public:
  PooledDatabase(DatabaseOptions o, std::unique_ptr<Connection> writer_conn)
      : options_(std::move(o)), engine_(writer_conn->engine()),
        reads_([this] { return Open(); }, options_.read_pool_size, engine_ == Engine::kSqlite,
               kMaxSnapshotAge),
        writer_(std::move(writer_conn), *options_.clock, options_.max_batch,
                options_.max_wait_micros, [this] { return OpenWriter(); },
                [this] { reads_.Committed(); }) {}

  ~PooledDatabase() override { Close(); }

  Engine engine() const override { return engine_; }

  // SQLite reads run where they are called (microseconds, in-process); a PostgreSQL read is a
  // network round trip, so a request fiber hands it to the worker pool and is suspended.
  Status Read(const ReadJob& job) override {
    fiber::Scheduler* request = fiber::Current();
    if (engine_ != Engine::kPostgres || !request) return reads_.Run(job);
    Status st;
    request->Offload([&] { st = reads_.Run(job); });
    return st;
  }

  // A request fiber is suspended until its batch commits; other callers block.
  Status Write(WriteJob job) override {
    fiber::Scheduler* request = fiber::Current();
    if (!request) return writer_.Submit(std::move(job));
    Status out;
    request->Await([&](fiber::Resume resume) {
      writer_.SubmitAsync(std::move(job), [&out, resume = std::move(resume)](Status st) {
        out = std::move(st);
        resume();
      });
    });
    return out;
  }

  Result<int> SchemaVersion() override {
    int v = 0;
    XINAN_RETURN_IF_ERROR(Read([&](Connection& c) -> Status {
      XINAN_ASSIGN_OR_RETURN(Rows rows, c.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
      v = static_cast<int>(rows[0].Int(0));
      return Status::Ok();
    }));
    return v;
  }

  int LatestSchemaVersion() const override {
    const auto& all = EmbeddedMigrations();
    return all.empty() ? 0 : all.back().version;
  }

  WriteStats Stats() const override { return writer_.Stats(); }
  // The writer's connection is closed by its destructor, after the readers' snapshots have
  // ended here (the destructor calls Close): it then copies the whole WAL into the database file
  // (SqliteConnection).
  void Close() override {
    writer_.Close();
    reads_.EndSnapshots();
  }

 private:
  Result<std::unique_ptr<Connection>> Open() {
    if (engine_ == Engine::kPostgres) return OpenPostgres(options_.url);
    return OpenSqlite(SqlitePath(options_.url), /*read_only=*/true);
  }

  Result<std::unique_ptr<Connection>> OpenWriter() {
    if (engine_ == Engine::kPostgres) return OpenPostgres(options_.url);
    return OpenSqlite(SqlitePath(options_.url), /*read_only=*/false);
  }

  DatabaseOptions options_;
  Engine engine_;
  ReadPool reads_;
  GroupCommitWriter writer_;
};

// SQLite's WAL gets its space before the first write (DatabaseOptions::wal_reserve_bytes).
void ReserveWalSpace(Connection& writer, const std::string& path, int64_t bytes) {
  auto start = std::chrono::steady_clock::now();
  Result<int64_t> appended = ReserveWal(writer, path, bytes);
  if (!appended.ok()) {
    spdlog::warn("could not reserve {} MB for the WAL (commits still work, their syncs are "
                 "slower): {}", bytes >> 20, appended.status().ToString());
    return;
  }
  if (*appended == 0) return;
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  spdlog::info("WAL file extended by {} MB ahead of the writes in {} ms", *appended >> 20, ms.count());
}

}  // namespace

Result<std::unique_ptr<Database>> OpenDatabase(const DatabaseOptions& options) {
  if (!options.clock) return Status::Internal("DatabaseOptions.clock is required");
  Result<std::unique_ptr<Connection>> conn =
      IsPostgresUrl(options.url) ? OpenPostgres(options.url)
                                 : OpenSqlite(SqlitePath(options.url), /*read_only=*/false);
  if (!conn.ok()) return conn.status();
  if (options.run_migrations) {
    XINAN_RETURN_IF_ERROR(ApplyMigrations(**conn));
    if (auto barrier = (*conn)->DurabilityBarrier()) XINAN_RETURN_IF_ERROR(barrier());
  }
  if (!IsPostgresUrl(options.url) && options.wal_reserve_bytes > 0) {
    ReserveWalSpace(**conn, SqlitePath(options.url), options.wal_reserve_bytes);
  }
  return std::unique_ptr<Database>(new PooledDatabase(options, std::move(conn).value()));
}

std::string SqliteFileOf(const std::string& url) { return IsPostgresUrl(url) ? "" : SqlitePath(url); }

}  // namespace xinan::store

// Upkeep of an SQLite write connection's WAL file, off the writer thread:
// WalSync makes every commit so far durable (the write connection commits with
// synchronous=NORMAL, and the group-commit writer calls Sync before it answers a batch);
// WalCheckpointer copies the WAL back into the database on its own thread and connection
// once the WAL has grown, instead of inside a commit, and past a size limit has the write
// connection start the WAL over so it stays bounded under continuous writes.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/result.h"

struct sqlite3;

namespace xinan::store {

class CheckpointVfs;

// Gives the file at `path` at least `bytes` bytes by appending zeros after its current end,
// then fdatasyncs it; bytes already there are never touched. Returns how many were appended.
// For a WAL file: SQLite reads a WAL only up to its first invalid frame and takes a zero header
// for an empty WAL, so the zeros are never read as data. What they buy is that commits overwrite
// blocks the file system has already allocated, and the group commit's fdatasync flushes data
// only, without a journal commit for new blocks and a new file size (bench/README.md: WAL sync
// p50 under load 1.1-1.3 -> 0.7-0.8 ms). Space from fallocate(2) does not do that: ext4 still
// converts its extents, in the journal, when they are first written. The caller must hold
// SQLite's write lock (see ReserveWal), so that no connection appends meanwhile.
Result<int64_t> ExtendWithZeros(const std::string& path, int64_t bytes);

class WalSync {
 public:
  // How a sync is done: fdatasync(2), or a test's stand-in (returns -1 and sets errno on failure).
  using SyncCall = std::function<int(int fd)>;

  explicit WalSync(const std::string& db_path, SyncCall sync = nullptr);
  ~WalSync();
  // Makes every write to the WAL made before the call durable: returns once an fdatasync that
  // began after the call has finished. Callers that arrive while one runs share the next one, so
  // the background checkpoint's sync and the group commit's are one fdatasync, not two beside
  // each other. Reopens the file first if it was replaced. The first failure is final: the kernel
  // reports a lost writeback once, so every later call fails too. Thread-safe.
  Status Sync();
  // fdatasyncs run so far.
  uint64_t syncs() const;

 private:
  int OpenIfReplaced();  // 0, or -1 with errno set

  std::string path_;
  SyncCall sync_;
  mutable std::mutex mu_;
  std::condition_variable done_;
  uint64_t begun_ = 0;     // GUARDED_BY(mu_)
  uint64_t finished_ = 0;  // GUARDED_BY(mu_)
  bool running_ = false;   // GUARDED_BY(mu_)
  Status failed_;          // GUARDED_BY(mu_): the first failure, kept
  // Used by the caller that runs the sync only (running_):
  int fd_ = -1;
  ino_t ino_ = 0;
  dev_t dev_ = 0;
};

// When WalCheckpointer checkpoints.
struct WalCheckpointLimits {
  // WAL pages (4 KiB each) written since the last passive checkpoint began after which the
  // next one begins. A checkpoint copies each page once however often it was rewritten since
  // (the last leaf of every index is, at every commit); one woken after every commit, as before,
  // copied nearly every frame and kept the disk busy under the WAL's syncs. In process, 32
  // writers: creates 10–12k/s → 16–17k/s, p99 10–14 ms → 3.5–3.7 ms (bench/README.md).
  int checkpoint_pages = 500;
  // Under continuous writes a passive checkpoint never catches up with the writer, so the
  // WAL never starts over and grows without bound (1.5 GB after 40 s of creates). Past this
  // size the write connection itself, once a commit has finished, runs a RESTART checkpoint:
  // it copies what the passive ones have not, and the next commit writes the WAL from its start
  // again (the file keeps its size, so no truncation cost). One pause of the writer of ~10 ms
  // per 256 MB written; a checkpoint on another connection would starve waiting for a gap
  // between batches. (TRUNCATE paused it ~300 ms, freeing the file's blocks.)
  int restart_pages = 65536;
};

// Whether the commit that left `wal_pages` frames in the WAL wakes the passive checkpoint, last
// woken at `last_woken` frames (more: the WAL has started over since). Close to the restart
// limit it wakes after every commit, so the restart, which pauses the writer, has little left
// to copy.
bool WantsCheckpoint(int wal_pages, int last_woken, const WalCheckpointLimits& limits);

// Whether a WAL of `wal_pages` frames is within six checkpoint chunks of its restart (3,000 of
// 65,536 pages): from there the checkpoint skips the sliced write-back of the database file (see
// CheckpointVfs), so that it keeps up with the writer and the restart, which pauses the writer,
// has little to copy. Restart pauses on a growing database, medians: 33 ms without this, 14–20
// with two chunks, 7–9 with six, no better with twelve (bench/README.md).
bool NearRestart(int wal_pages, const WalCheckpointLimits& limits);

class WalCheckpointer {
 public:
  // With `wal_sync`, checkpoints run on a connection of a CheckpointVfs: the WAL's sync before
  // copying is a WalSync::Sync shared with the group commit's, and the database file is written
  // back in slices before its fdatasync. Without it, SQLite's own fdatasyncs.
  explicit WalCheckpointer(const std::string& db_path, WalCheckpointLimits limits = {},
                           std::shared_ptr<WalSync> wal_sync = nullptr);
  ~WalCheckpointer();  // finishes a running checkpoint, then stops
  // sqlite3_wal_hook callback of the write connection, after each commit (inside it): wakes
  // the thread, or past the size limit asks for a restart of the WAL.
  static int OnCommit(void* self, sqlite3* db, const char* schema, int wal_pages);
  // Called by the write connection once its commit has finished (no transaction, no running
  // statement): runs the restarting checkpoint when OnCommit asked for one, waiting at most
  // kRestartWaitMillis for readers, then puts the connection's busy timeout back.
  void RestartIfWanted(sqlite3* db, int busy_timeout_millis);

  static constexpr int kRestartWaitMillis = 20;
  static constexpr int kRestartRetryMillis = 100;

 private:
  void Loop();
  sqlite3* Open();

  std::string path_;
  WalCheckpointLimits limits_;
  std::unique_ptr<CheckpointVfs> vfs_;  // set with a WalSync
  std::mutex mu_;
  std::condition_variable cv_;
  bool wanted_ = false;    // GUARDED_BY(mu_)
  std::atomic<bool> near_restart_{false};  // set by the write connection at each commit
  bool stopping_ = false;  // GUARDED_BY(mu_)
  // The write connection's thread only:
  bool restart_wanted_ = false;
  int wal_pages_ = 0;
  int last_woken_ = 0;  // WAL frames when the passive checkpoint was last woken
  std::chrono::steady_clock::time_point next_attempt_, next_warning_;
  std::thread thread_;
};

}  // namespace xinan::store

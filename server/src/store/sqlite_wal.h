// Upkeep of an SQLite write connection's WAL file, off the writer thread:
// WalSync makes every commit so far durable (the write connection commits with
// synchronous=NORMAL, and the group-commit writer calls Sync before it answers a batch);
// WalCheckpointer copies the WAL back into the database on its own thread and connection
// once the WAL has grown, instead of inside a commit.
#pragma once

#include <sys/types.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "common/status.h"

struct sqlite3;

namespace xinan::store {

class WalSync {
 public:
  explicit WalSync(const std::string& db_path);
  ~WalSync();
  // fdatasync of the WAL file; reopens it first if it was replaced. Thread-safe.
  Status Sync();

 private:
  Status Failure(const char* what) const;

  std::string path_;
  std::mutex mu_;
  int fd_ = -1;  // GUARDED_BY(mu_)
  ino_t ino_ = 0;
  dev_t dev_ = 0;
};

class WalCheckpointer {
 public:
  // Pages in the WAL (4 KiB each) after which a passive checkpoint runs: fewer, larger
  // checkpoints copy a hot page once instead of once per 1000 frames.
  static constexpr int kCheckpointPages = 8000;

  explicit WalCheckpointer(const std::string& db_path);
  ~WalCheckpointer();  // finishes a running checkpoint, then stops
  // sqlite3_wal_hook callback of the write connection: cheap, only wakes the thread.
  static int OnCommit(void* self, sqlite3* db, const char* schema, int wal_pages);

 private:
  void Loop();

  std::string path_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool wanted_ = false;    // GUARDED_BY(mu_)
  bool stopping_ = false;  // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace xinan::store

#include "store/sqlite_wal.h"

#include <chrono>

#include <fcntl.h>
#include <pthread.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace xinan::store {
namespace {

void SyncDirectoryOf(const std::string& path) {
  auto dir = std::filesystem::path(path).parent_path();
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

}  // namespace

bool WantsCheckpoint(int wal_pages, int last_woken, const WalCheckpointLimits& limits) {
  if (last_woken > wal_pages) last_woken = 0;  // the WAL started over
  if (wal_pages - last_woken >= limits.checkpoint_pages) return true;
  return limits.checkpoint_pages < limits.restart_pages &&
         wal_pages >= limits.restart_pages - limits.checkpoint_pages / 2;
}

WalSync::WalSync(const std::string& db_path) : path_(db_path + "-wal") {}

WalSync::~WalSync() {
  if (fd_ >= 0) ::close(fd_);
}

Status WalSync::Sync() {
  std::lock_guard lock(mu_);
  struct stat now {};
  if (::stat(path_.c_str(), &now) != 0) return Failure("stat");
  if (fd_ < 0 || now.st_ino != ino_ || now.st_dev != dev_) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return Failure("open");
    ino_ = now.st_ino;
    dev_ = now.st_dev;
    SyncDirectoryOf(path_);  // a new WAL file's directory entry must be on disk too
  }
  if (::fdatasync(fd_) != 0) return Failure("fdatasync");
  return Status::Ok();
}

Status WalSync::Failure(const char* what) const {
  return Status::Unavailable(std::string(what) + " " + path_ + ": " + std::strerror(errno));
}

WalCheckpointer::WalCheckpointer(const std::string& db_path, WalCheckpointLimits limits)
    : path_(db_path), limits_(limits) {
  thread_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "xinan-ckpt");
    Loop();
  });
}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int WalCheckpointer::OnCommit(void* self, sqlite3*, const char*, int wal_pages) {
  auto* c = static_cast<WalCheckpointer*>(self);
  c->wal_pages_ = wal_pages;
  if (wal_pages >= c->limits_.restart_pages) {
    c->restart_wanted_ = true;  // the background checkpoint is not woken again past the limit
    return SQLITE_OK;
  }
  if (!WantsCheckpoint(wal_pages, c->last_woken_, c->limits_)) return SQLITE_OK;
  c->last_woken_ = wal_pages;
  {
    std::lock_guard lock(c->mu_);
    c->wanted_ = true;
  }
  c->cv_.notify_one();
  return SQLITE_OK;
}

void WalCheckpointer::RestartIfWanted(sqlite3* db, int busy_timeout_millis) {
  if (!restart_wanted_ || !sqlite3_get_autocommit(db)) return;
  auto start = std::chrono::steady_clock::now();
  if (start < next_attempt_) return;
  // The restart waits for readers still using the WAL: never longer than kRestartWaitMillis,
  // so a slow read cannot hold the writer; after such a wait it tries again kRestartRetryMillis
  // later. SQLITE_BUSY at once (the background checkpoint holds the checkpoint lock): the next
  // commit tries again, so the frames left to copy stay few.
  sqlite3_busy_timeout(db, kRestartWaitMillis);
  int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
  sqlite3_busy_timeout(db, busy_timeout_millis);
  auto now = std::chrono::steady_clock::now();
  if (rc == SQLITE_OK) {
    restart_wanted_ = false;
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now - start);
    spdlog::info("WAL restarted past {} pages: writer paused {} ms", limits_.restart_pages, ms.count());
    return;
  }
  if (now - start >= std::chrono::milliseconds(kRestartWaitMillis / 2)) {
    next_attempt_ = now + std::chrono::milliseconds(kRestartRetryMillis);
  }
  if (rc != SQLITE_BUSY) spdlog::warn("WAL restart failed: {}", sqlite3_errmsg(db));
  if (wal_pages_ >= 4 * limits_.restart_pages && now >= next_warning_) {
    next_warning_ = now + std::chrono::minutes(1);
    spdlog::warn("WAL at {} pages: its restart keeps waiting for long reads", wal_pages_);
  }
}

sqlite3* WalCheckpointer::Open() {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    spdlog::warn("checkpoint: cannot open {}: {}", path_, sqlite3_errstr(rc));
    sqlite3_close_v2(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_exec(db, "PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
  return db;
}

// A passive checkpoint never blocks the writer; with synchronous=NORMAL SQLite syncs the WAL
// before copying and the database file after, so a checkpoint loses nothing on a crash.
void WalCheckpointer::Loop() {
  sqlite3* db = nullptr;
  while (true) {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return wanted_ || stopping_; });
      if (stopping_) break;
      wanted_ = false;
    }
    if (!db && !(db = Open())) continue;
    int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) spdlog::warn("checkpoint failed: {}", sqlite3_errmsg(db));
  }
  if (db) sqlite3_close_v2(db);
}

}  // namespace xinan::store

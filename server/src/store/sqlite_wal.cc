#include "store/sqlite_wal.h"

#include <chrono>

#include <fcntl.h>
#include <pthread.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>  // std::min
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "store/checkpoint_vfs.h"

namespace xinan::store {
namespace {

void SyncDirectoryOf(const std::string& path) {
  auto dir = std::filesystem::path(path).parent_path();
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

Status ErrnoStatus(const std::string& what, const std::string& path) {
  return Status::Unavailable(what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

Result<int64_t> ExtendWithZeros(const std::string& path, int64_t bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("open", path);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    Status failed = ErrnoStatus("stat", path);
    ::close(fd);
    return failed;
  }
  if (st.st_size >= bytes) {
    ::close(fd);
    return 0;
  }
  const std::vector<char> zeros(1 << 20, 0);
  int64_t at = st.st_size;
  while (at < bytes) {
    size_t n = static_cast<size_t>(std::min<int64_t>(bytes - at, static_cast<int64_t>(zeros.size())));
    ssize_t written = ::pwrite(fd, zeros.data(), n, at);
    if (written < 0 && errno == EINTR) continue;
    if (written == 0) errno = EIO;
    if (written <= 0) break;
    at += written;
  }
  Status failed = at < bytes ? ErrnoStatus("write", path)
                  : ::fdatasync(fd) != 0 ? ErrnoStatus("fdatasync", path) : Status::Ok();
  ::close(fd);
  if (!failed.ok()) return failed;
  return bytes - st.st_size;
}

bool WantsCheckpoint(int wal_pages, int last_woken, const WalCheckpointLimits& limits) {
  if (last_woken > wal_pages) last_woken = 0;  // the WAL started over
  if (wal_pages - last_woken >= limits.checkpoint_pages) return true;
  return limits.checkpoint_pages < limits.restart_pages &&
         wal_pages >= limits.restart_pages - limits.checkpoint_pages / 2;
}

bool NearRestart(int wal_pages, const WalCheckpointLimits& limits) {
  return wal_pages >= limits.restart_pages - 6 * limits.checkpoint_pages;
}

WalSync::WalSync(const std::string& db_path, SyncCall sync)
    : path_(db_path + "-wal"), sync_(sync ? std::move(sync) : SyncCall(::fdatasync)) {}

WalSync::~WalSync() {
  if (fd_ >= 0) ::close(fd_);
}

int WalSync::OpenIfReplaced() {
  struct stat now {};
  if (::stat(path_.c_str(), &now) != 0) return -1;
  if (fd_ >= 0 && now.st_ino == ino_ && now.st_dev == dev_) return 0;
  if (fd_ >= 0) ::close(fd_);
  fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) return -1;
  ino_ = now.st_ino;
  dev_ = now.st_dev;
  SyncDirectoryOf(path_);  // a new WAL file's directory entry must be on disk too
  return 0;
}

Status WalSync::Sync() {
  std::unique_lock lock(mu_);
  const uint64_t needed = begun_ + 1;  // the first sync to begin after this call
  while (finished_ < needed && failed_.ok()) {
    if (running_) {
      done_.wait(lock);
      continue;
    }
    running_ = true;
    const uint64_t mine = ++begun_;
    lock.unlock();
    // Only the caller that set running_ touches the descriptor.
    const char* failed_at = OpenIfReplaced() != 0 ? "open" : (sync_(fd_) != 0 ? "fdatasync" : nullptr);
    Status result = failed_at ? ErrnoStatus(failed_at, path_) : Status::Ok();
    lock.lock();
    running_ = false;
    finished_ = mine;
    if (!result.ok() && failed_.ok()) failed_ = result;
    done_.notify_all();
  }
  return failed_;
}

uint64_t WalSync::syncs() const {
  std::lock_guard lock(mu_);
  return finished_;
}

WalCheckpointer::WalCheckpointer(const std::string& db_path, WalCheckpointLimits limits,
                                 std::shared_ptr<WalSync> wal_sync)
    : path_(db_path), limits_(limits),
      vfs_(wal_sync ? std::make_unique<CheckpointVfs>(std::move(wal_sync)) : nullptr) {
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
  c->near_restart_.store(NearRestart(wal_pages, c->limits_), std::memory_order_relaxed);
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
  int rc = sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                           vfs_ ? vfs_->name() : nullptr);
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
// before copying (through WalSync when given one) and, once it has copied the whole WAL, the
// database file before the WAL may start over, so a checkpoint loses nothing on a crash.
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
    if (vfs_) vfs_->SetSlicedWriteback(!near_restart_.load(std::memory_order_relaxed));
    int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) spdlog::warn("checkpoint failed: {}", sqlite3_errmsg(db));
  }
  if (db) sqlite3_close_v2(db);
}

}  // namespace xinan::store

// ReadPool: pooled read connections; SQLite's keep a read snapshot while it is current.
#include "store/read_pool.h"

#include "common/fiber.h"

namespace xinan::store {

ReadPool::ReadPool(Open open, int size, bool snapshots, std::chrono::milliseconds max_snapshot_age)
    : open_(std::move(open)), size_(size > 0 ? size : 1), snapshots_(snapshots),
      max_snapshot_age_(max_snapshot_age) {}

Status ReadPool::Run(const ReadJob& job) {
  XINAN_ASSIGN_OR_RETURN(Pooled p, Acquire());
  Status st;
  try {
    // Nothing inside a read job suspends its request: a fiber suspended while holding a read
    // connection could leave the pool empty for the IO thread that has to resume it.
    fiber::NoSuspend hold;
    st = snapshots_ ? InSnapshot(p, job) : job(*p.conn);
  } catch (...) {
    Release(std::move(p), /*broken=*/true);  // closed, with whatever transaction it had
    throw;
  }
  // A connection whose transaction could not be ended would keep serving an old snapshot (and
  // hold back checkpoints): the pool closes it.
  bool stuck = snapshots_ && !st.ok() && p.in_snapshot;
  Release(std::move(p), stuck || st.kind() == StatusKind::kUnavailable);
  return st;
}

// Reuses the connection's snapshot while it is current, else begins one; a job that failed
// ends it (its statements may have left the transaction in any state).
Status ReadPool::InSnapshot(Pooled& p, const ReadJob& job) {
  const uint64_t commits = commits_.load();
  if (p.in_snapshot && !Current(p, commits)) XINAN_RETURN_IF_ERROR(End(p));
  if (p.in_snapshot) {
    reused_.fetch_add(1, std::memory_order_relaxed);
  } else {
    p.in_snapshot = true;  // unknown should BEGIN fail: then Run closes the connection
    XINAN_RETURN_IF_ERROR(p.conn->Exec("BEGIN").status());
    p.commits_before = commits;
    p.began = std::chrono::steady_clock::now();
    began_.fetch_add(1, std::memory_order_relaxed);
  }
  Status st = job(*p.conn);
  if (!st.ok()) (void)End(p);  // in_snapshot stays true if even that failed
  return st;
}

bool ReadPool::Current(const Pooled& p, uint64_t commits) const {
  return p.commits_before == commits &&
         std::chrono::steady_clock::now() - p.began < max_snapshot_age_;
}

Status ReadPool::End(Pooled& p) {
  Status st = p.conn->Exec("ROLLBACK").status();
  if (st.ok()) p.in_snapshot = false;
  return st;
}

void ReadPool::EndSnapshots() {
  std::lock_guard lock(mu_);
  for (auto& p : idle_) {
    if (p.in_snapshot) (void)End(p);
  }
}

void ReadPool::Committed() {
  commits_.fetch_add(1);
  if (!snapshots_) return;
  std::unique_lock lock(mu_, std::try_to_lock);
  if (!lock) return;  // a reader holds the pool: it checks commits_ itself
  for (size_t i = 0; i < idle_.size();) {
    if (!idle_[i].in_snapshot || End(idle_[i]).ok()) {
      ++i;
      continue;
    }
    idle_.erase(idle_.begin() + static_cast<std::ptrdiff_t>(i));  // stuck: closed
    --open_count_;
    cv_.notify_one();  // room for a new connection
  }
}

// Takes the idle connection used last (its snapshot is the likeliest to be current), opens a
// new one below the pool size, or waits.
Result<ReadPool::Pooled> ReadPool::Acquire() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return !idle_.empty() || open_count_ < size_; });
  if (!idle_.empty()) {
    Pooled p = std::move(idle_.back());
    idle_.pop_back();
    return p;
  }
  ++open_count_;
  lock.unlock();
  Result<std::unique_ptr<Connection>> c = open_();
  if (!c.ok()) {
    std::lock_guard relock(mu_);
    --open_count_;
    cv_.notify_one();
    return c.status();
  }
  Pooled p;
  p.conn = std::move(c).value();
  return p;
}

void ReadPool::Release(Pooled p, bool broken) {
  std::lock_guard lock(mu_);
  if (broken) --open_count_;
  else idle_.push_back(std::move(p));
  cv_.notify_one();
}

}  // namespace xinan::store

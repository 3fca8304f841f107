// ReadPool: the read connections of a Database, and (SQLite) the read snapshots they keep.
//
// A SQLite read job runs in one read transaction, so its statements see one snapshot. Starting
// and ending that transaction takes and drops WAL read locks (file locks and a process-wide
// mutex, contended by the IO threads) and costs more than a small page query itself. So a
// connection keeps its transaction open after a job and the next job on it reuses the snapshot
// while it is still current: no commit since it began (the writer calls Committed() after every
// COMMIT, before answering the batch) and younger than `max_snapshot_age` (the bound on how long
// a change made by another process, e.g. `xinan user add`, can stay unseen). Committed() also
// ends the snapshots of idle connections (unless a reader holds the pool's lock just then; the
// next commit or the next job on them does), so idle readers do not hold back the checkpointer.
// A reader therefore always sees every write that was acknowledged before its request began.
// PostgreSQL connections run jobs as they are (each statement its own snapshot, as before).
// Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "common/result.h"
#include "store/connection.h"
#include "store/database.h"

namespace xinan::store {

class ReadPool {
 public:
  using Open = std::function<Result<std::unique_ptr<Connection>>()>;
  ReadPool(Open open, int size, bool snapshots, std::chrono::milliseconds max_snapshot_age);

  // Runs `job` on an idle connection, opening one while fewer than `size` are open, or waits.
  Status Run(const ReadJob& job);
  // A write committed: no snapshot taken before now may serve another job.
  void Committed();
  // Ends the read transactions of the idle connections (at shutdown, so that the write
  // connection, closing after, can copy the whole WAL into the database and truncate it).
  void EndSnapshots();
  // How many jobs reused a snapshot, and how many began one (the tests read them).
  uint64_t reused() const { return reused_.load(std::memory_order_relaxed); }
  uint64_t began() const { return began_.load(std::memory_order_relaxed); }

 private:
  using Instant = std::chrono::steady_clock::time_point;
  struct Pooled {
    std::unique_ptr<Connection> conn;
    bool in_snapshot = false;
    uint64_t commits_before = 0;  // commits_ read before the snapshot began
    Instant began{};
  };

  Status InSnapshot(Pooled& p, const ReadJob& job);
  bool Current(const Pooled& p, uint64_t commits) const;
  static Status End(Pooled& p);
  Result<Pooled> Acquire();
  void Release(Pooled p, bool broken);

  const Open open_;
  const int size_;
  const bool snapshots_;
  const std::chrono::milliseconds max_snapshot_age_;
  std::atomic<uint64_t> commits_{0};
  std::atomic<uint64_t> reused_{0};
  std::atomic<uint64_t> began_{0};
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Pooled> idle_;  // GUARDED_BY(mu_)
  int open_count_ = 0;        // GUARDED_BY(mu_)
};

}  // namespace xinan::store

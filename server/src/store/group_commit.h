// GroupCommitWriter: the single writer of a Database. Owns the write connection and a queue of
// jobs; runs each batch in one transaction with a savepoint per job, appends audit events to
// the chain in the same transaction, commits once and answers the jobs only once the commit is
// durable. When the connection's COMMIT is not durable by itself (SQLite, see
// Connection::DurabilityBarrier) a second thread syncs committed batches and answers them
// while the writer runs the next batch; one sync may cover several batches. Once a sync has
// failed, nothing written since can be trusted to be on disk: the writer then refuses every
// write (kUnavailable) until the process restarts and SQLite recovers from what is on disk.
// Thread-safe: Submit may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "common/clock.h"
#include "store/audit_chain.h"
#include "store/connection.h"
#include "store/database.h"

namespace xinan::store {

class GroupCommitWriter {
 public:
  using Reopen = std::function<Result<std::unique_ptr<Connection>>()>;
  using Observer = std::function<void()>;
  // `reopen` replaces the write connection after a batch failed with kUnavailable (e.g. the
  // PostgreSQL server restarted), so later batches work again without restarting xinan.
  // `committed`, if set, runs on the writer thread after every COMMIT, before any job of that
  // batch is answered (so whatever it invalidates is invalid before a reader can know of it).
  GroupCommitWriter(std::unique_ptr<Connection> conn, const Clock& clock, int max_batch,
                    int max_wait_micros, Reopen reopen = nullptr, Observer committed = nullptr);
  ~GroupCommitWriter();

  using Done = std::function<void(Status)>;
  // Queues `job` and blocks until its batch committed (its own Status) or failed.
  Status Submit(WriteJob job);
  // Queues `job`; `done` gets its Status on the writer thread once the batch committed or
  // failed (or at once when closing). `done` must be quick: it holds up the next batch.
  void SubmitAsync(WriteJob job, Done done);
  // Drains the queue, then stops the thread. Later Submits get kUnavailable.
  void Close();
  WriteStats Stats() const;

 private:
  using Instant = std::chrono::steady_clock::time_point;
  struct Pending {
    WriteJob job;
    Done done;
    Instant queued = std::chrono::steady_clock::now();
  };
  using Barrier = std::shared_ptr<std::function<Status()>>;
  // A committed batch waiting for its sync.
  struct Committed {
    Barrier barrier;
    std::vector<Done> dones;
    std::vector<Status> results;
    Instant committed = std::chrono::steady_clock::now();
  };
  class Context;

  void Loop();
  std::vector<Pending> TakeBatch();
  void RunBatch(std::vector<Pending>& batch);
  Status RunJob(Pending& p, bool release_previous);
  Status OpenSavepoint(bool release_previous);
  Status RollbackJob();
  void Record(const std::vector<Pending>& batch, size_t failed, Instant began);
  void RecordSyncs(const std::deque<Committed>& answered, const std::vector<uint64_t>& sync_micros);
  void WarnIfSlow(uint64_t sync_micros);
  void Answer(std::vector<Pending>& batch, std::vector<Status>& results, bool committed);
  void SyncLoop();
  Barrier BarrierOf(Connection& conn);

  std::unique_ptr<Connection> conn_;
  const Clock& clock_;
  const size_t max_batch_;
  const int max_wait_micros_;
  Reopen reopen_;
  Observer committed_observer_;
  AuditChain chain_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Pending> queue_;  // GUARDED_BY(mu_)
  bool closing_ = false;       // GUARDED_BY(mu_)
  size_t last_batch_ = 1;      // writer thread only
  Barrier barrier_;            // writer thread only; null when COMMIT is durable
  std::atomic<bool> durability_lost_{false};  // a sync failed: no write is acknowledged any more
  std::thread thread_;

  std::mutex sync_mu_;
  std::condition_variable sync_cv_;
  std::deque<Committed> committed_;  // GUARDED_BY(sync_mu_)
  bool sync_closing_ = false;        // GUARDED_BY(sync_mu_)
  std::thread sync_thread_;
  Instant next_slow_warning_{};  // the sync thread's: slow syncs are logged once a minute at most
  uint64_t slow_since_warning_ = 0;

  mutable std::mutex stats_mu_;
  WriteStats stats_;  // GUARDED_BY(stats_mu_)
};

}  // namespace xinan::store

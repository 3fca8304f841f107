// GroupCommitWriter: the single writer of a Database. Owns the write connection and a queue of
// jobs; runs each batch in one transaction with a savepoint per job, appends audit events to
// the chain in the same transaction, commits once and only then answers the jobs.
// Thread-safe: Submit may be called from any thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
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
  // `reopen` replaces the write connection after a batch failed with kUnavailable (e.g. the
  // PostgreSQL server restarted), so later batches work again without restarting xinan.
  GroupCommitWriter(std::unique_ptr<Connection> conn, const Clock& clock, int max_batch,
                    int max_wait_micros, Reopen reopen = nullptr);
  ~GroupCommitWriter();

  // Queues `job` and blocks until its batch committed (its own Status) or failed.
  Status Submit(WriteJob job);
  // Drains the queue, then stops the thread. Later Submits get kUnavailable.
  void Close();
  WriteStats Stats() const;

 private:
  struct Pending {
    WriteJob job;
    std::promise<Status> done;
  };
  class Context;

  void Loop();
  std::vector<Pending> TakeBatch();
  void RunBatch(std::vector<Pending>& batch);
  Status RunJob(Pending& p, size_t index);
  void Record(size_t batch_size, size_t failed);

  std::unique_ptr<Connection> conn_;
  const Clock& clock_;
  const size_t max_batch_;
  const int max_wait_micros_;
  Reopen reopen_;
  AuditChain chain_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Pending> queue_;  // GUARDED_BY(mu_)
  bool closing_ = false;       // GUARDED_BY(mu_)
  size_t last_batch_ = 1;      // writer thread only
  std::thread thread_;

  mutable std::mutex stats_mu_;
  WriteStats stats_;  // GUARDED_BY(stats_mu_)
};

}  // namespace xinan::store

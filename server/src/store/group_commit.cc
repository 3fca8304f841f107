#include "store/group_commit.h"

#include <pthread.h>

#include <chrono>
#include <exception>
#include <future>
#include <string>

#include <spdlog/spdlog.h>

namespace xinan::store {
namespace {

Status DurabilityLost() {
  return Status::Unavailable(
      "storage_failed: an earlier commit could not be made durable; writes are refused until "
      "xinan restarts (check the disk first)");
}

uint64_t MicrosBetween(std::chrono::steady_clock::time_point from,
                       std::chrono::steady_clock::time_point to) {
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(to - from).count();
  return us > 0 ? static_cast<uint64_t>(us) : 0;
}

}  // namespace

class GroupCommitWriter::Context final : public WriteContext {
 public:
  Context(Connection& conn, AuditChain& chain, const Clock& clock)
      : conn_(conn), chain_(chain), clock_(clock) {}
  Connection& conn() override { return conn_; }
  Status Audit(AuditEvent event) override {
    chain_.Append(std::move(event), clock_.NowMillis());
    return Status::Ok();
  }
  int64_t NowMillis() const override { return clock_.NowMillis(); }

 private:
  Connection& conn_;
  AuditChain& chain_;
  const Clock& clock_;
};

GroupCommitWriter::GroupCommitWriter(std::unique_ptr<Connection> conn, const Clock& clock,
                                     int max_batch, int max_wait_micros, Reopen reopen,
                                     Observer committed)
    : conn_(std::move(conn)), clock_(clock), max_batch_(max_batch > 0 ? max_batch : 1),
      max_wait_micros_(max_wait_micros), reopen_(std::move(reopen)),
      committed_observer_(std::move(committed)) {
  for (int b = 1; b <= 512; b *= 2) stats_.batch_size_buckets.emplace_back(b, 0);
  for (uint64_t micros : {1'000, 2'500, 5'000, 10'000, 25'000, 50'000, 100'000, 250'000, 1'000'000}) {
    stats_.sync_duration_buckets.emplace_back(micros, 0);
  }
  barrier_ = BarrierOf(*conn_);
  thread_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "xinan-writer");
    Loop();
  });
  if (barrier_) {
    sync_thread_ = std::thread([this] {
      pthread_setname_np(pthread_self(), "xinan-sync");
      SyncLoop();
    });
  }
}

GroupCommitWriter::Barrier GroupCommitWriter::BarrierOf(Connection& conn) {
  auto fn = conn.DurabilityBarrier();
  return fn ? std::make_shared<std::function<Status()>>(std::move(fn)) : nullptr;
}

GroupCommitWriter::~GroupCommitWriter() { Close(); }

Status GroupCommitWriter::Submit(WriteJob job) {
  std::promise<Status> result;
  std::future<Status> done = result.get_future();
  SubmitAsync(std::move(job), [&result](Status st) { result.set_value(std::move(st)); });
  return done.get();
}

void GroupCommitWriter::SubmitAsync(WriteJob job, Done done) {
  {
    std::unique_lock lock(mu_);
    if (!closing_) {
      queue_.push_back(Pending{std::move(job), std::move(done)});
      lock.unlock();
      cv_.notify_one();
      return;
    }
  }
  done(Status::Unavailable("database is closing"));
}

void GroupCommitWriter::Close() {
  {
    std::lock_guard lock(mu_);
    if (closing_ && !thread_.joinable()) return;
    closing_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  {
    std::lock_guard lock(sync_mu_);
    sync_closing_ = true;
  }
  sync_cv_.notify_all();
  if (sync_thread_.joinable()) sync_thread_.join();
}

std::vector<GroupCommitWriter::Pending> GroupCommitWriter::TakeBatch() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return closing_ || !queue_.empty(); });
  // Under concurrency (the last batch had company) wait briefly for the batch to fill.
  if (last_batch_ > 1 && queue_.size() < max_batch_ && !closing_) {
    cv_.wait_for(lock, std::chrono::microseconds(max_wait_micros_),
                 [&] { return closing_ || queue_.size() >= std::min(max_batch_, last_batch_); });
  }
  std::vector<Pending> batch;
  while (!queue_.empty() && batch.size() < max_batch_) {
    batch.push_back(std::move(queue_.front()));
    queue_.pop_front();
  }
  return batch;
}

void GroupCommitWriter::Loop() {
  while (true) {
    std::vector<Pending> batch = TakeBatch();
    if (batch.empty()) return;  // closing and drained
    RunBatch(batch);
    last_batch_ = batch.size();
  }
}

// One fixed savepoint name, so the statements stay in the connection's prepared-statement
// cache. The savepoint of a job that succeeded is released when the next job opens its own (or
// by the COMMIT); on PostgreSQL, where every statement is a network round trip, the RELEASE and
// the next SAVEPOINT go as one script.
Status GroupCommitWriter::OpenSavepoint(bool release_previous) {
  const bool pg = conn_->engine() == Engine::kPostgres;
  Status st;
  if (!release_previous) st = conn_->Exec("SAVEPOINT job").status();
  else if (pg) st = conn_->ExecScript("RELEASE SAVEPOINT job; SAVEPOINT job");
  else if ((st = conn_->Exec("RELEASE SAVEPOINT job").status()).ok()) st = conn_->Exec("SAVEPOINT job").status();
  // Without its savepoint no job can fail alone: the batch ends (rolled back, answered 503).
  return st.ok() ? st : Status::Unavailable("savepoint: " + st.detail());
}

Status GroupCommitWriter::RollbackJob() {
  if (conn_->engine() == Engine::kPostgres) {
    return conn_->ExecScript("ROLLBACK TO SAVEPOINT job; RELEASE SAVEPOINT job");
  }
  XINAN_RETURN_IF_ERROR(conn_->Exec("ROLLBACK TO SAVEPOINT job").status());
  return conn_->Exec("RELEASE SAVEPOINT job").status();
}

// Runs one job inside its savepoint; a failed job is rolled back to it and leaves nothing.
Status GroupCommitWriter::RunJob(Pending& p, bool release_previous) {
  XINAN_RETURN_IF_ERROR(OpenSavepoint(release_previous));
  AuditChain::Tail before = chain_.tail();
  Context ctx(*conn_, chain_, clock_);
  Status st;
  try {
    st = p.job(ctx);
  } catch (const std::exception& e) {
    st = Status::Internal(std::string("write job threw: ") + e.what());
  }
  if (st.ok()) return st;
  if (Status undo = RollbackJob(); !undo.ok()) return Status::Unavailable("rollback: " + undo.detail());
  chain_.Restore(before);
  return st;
}

void GroupCommitWriter::RunBatch(std::vector<Pending>& batch) {
  if (durability_lost_) {
    std::vector<Status> refused(batch.size(), DurabilityLost());
    Answer(batch, refused, /*committed=*/false);
    return;
  }
  const bool pg = conn_->engine() == Engine::kPostgres;
  const Instant began = std::chrono::steady_clock::now();
  std::vector<Status> results(batch.size());
  Status fatal = conn_->ExecScript(pg ? "BEGIN" : "BEGIN IMMEDIATE");
  if (fatal.ok()) fatal = chain_.BeginBatch(*conn_);
  size_t failed = 0;
  bool open_savepoint = false;
  for (size_t i = 0; i < batch.size() && fatal.ok(); ++i) {
    Status st = RunJob(batch[i], open_savepoint);
    bool job_failed = !st.ok();
    open_savepoint = !job_failed;
    // A failure of the savepoint machinery itself (not of the job) ends the batch.
    if (job_failed && st.kind() == StatusKind::kUnavailable) fatal = st;
    results[i] = std::move(st);
    failed += job_failed;
  }
  if (fatal.ok()) fatal = chain_.Flush(*conn_);  // the batch's audit rows, then its commit
  if (fatal.ok()) fatal = conn_->ExecScript("COMMIT");
  if (fatal.ok() && committed_observer_) committed_observer_();
  if (!fatal.ok()) {
    (void)conn_->ExecScript("ROLLBACK");
    for (auto& r : results) r = Status::Unavailable("commit failed: " + fatal.detail());
    failed = batch.size();
    if (fatal.kind() == StatusKind::kUnavailable && reopen_) {
      auto fresh = reopen_();
      if (fresh.ok()) {
        conn_ = std::move(fresh).value();
        barrier_ = BarrierOf(*conn_);
      }
    }
  }
  Record(batch, failed, began);
  Answer(batch, results, fatal.ok());
}

// A committed batch goes to the sync thread when COMMIT alone is not durable; everything else
// (PostgreSQL, or a batch that failed and left nothing behind) is answered at once.
void GroupCommitWriter::Answer(std::vector<Pending>& batch, std::vector<Status>& results,
                               bool committed) {
  if (!committed || !barrier_) {
    for (size_t i = 0; i < batch.size(); ++i) batch[i].done(std::move(results[i]));
    return;
  }
  Committed c{barrier_, {}, std::move(results)};
  c.dones.reserve(batch.size());
  for (auto& p : batch) c.dones.push_back(std::move(p.done));
  {
    std::lock_guard lock(sync_mu_);
    committed_.push_back(std::move(c));
  }
  sync_cv_.notify_one();
}

// Takes every batch committed so far, makes them durable with one sync, then answers them.
// If the sync fails no job is told "done": the successful ones get kUnavailable.
void GroupCommitWriter::SyncLoop() {
  while (true) {
    std::deque<Committed> ready;
    {
      std::unique_lock lock(sync_mu_);
      sync_cv_.wait(lock, [&] { return sync_closing_ || !committed_.empty(); });
      if (committed_.empty()) return;  // closing and drained
      ready.swap(committed_);
    }
    // After a failed sync a later one may succeed without having written what the failed one
    // lost (the error is reported once): batches committed since are not acknowledged either.
    Status synced = durability_lost_ ? DurabilityLost() : Status::Ok();
    Barrier last;
    std::vector<uint64_t> sync_micros;
    for (auto& c : ready) {
      if (c.barrier != last && synced.ok()) {
        Instant start = std::chrono::steady_clock::now();
        synced = (*c.barrier)();
        sync_micros.push_back(MicrosBetween(start, std::chrono::steady_clock::now()));
        WarnIfSlow(sync_micros.back());
      }
      last = c.barrier;
    }
    RecordSyncs(ready, sync_micros);
    if (!synced.ok() && !durability_lost_.exchange(true)) {
      spdlog::critical("commit not made durable: {}; every write is refused until xinan restarts",
                       synced.ToString());
    }
    for (auto& c : ready) {
      for (size_t i = 0; i < c.dones.size(); ++i) {
        // A job that failed left nothing behind and keeps its own error.
        bool keep = synced.ok() || !c.results[i].ok();
        c.dones[i](keep ? std::move(c.results[i])
                        : Status::Unavailable("commit not durable: " + synced.detail()));
      }
    }
  }
}

void GroupCommitWriter::Record(const std::vector<Pending>& batch, size_t failed, Instant began) {
  const Instant now = std::chrono::steady_clock::now();
  const size_t batch_size = batch.size();
  uint64_t queued = 0;
  for (const auto& p : batch) queued += MicrosBetween(p.queued, began);
  std::lock_guard lock(stats_mu_);
  stats_.queue_micros += queued;
  stats_.batch_micros += MicrosBetween(began, now);
  stats_.batches++;
  stats_.jobs += batch_size;
  stats_.failed_jobs += failed;
  for (auto& [bound, count] : stats_.batch_size_buckets) {
    if (batch_size <= static_cast<size_t>(bound)) count++;
  }
}

// Called before the jobs are answered, so a caller that got its answer sees its sync counted.
void GroupCommitWriter::RecordSyncs(const std::deque<Committed>& answered,
                                    const std::vector<uint64_t>& sync_micros) {
  const Instant now = std::chrono::steady_clock::now();
  uint64_t waited = 0;
  for (const auto& c : answered) waited += MicrosBetween(c.committed, now) * c.dones.size();
  std::lock_guard lock(stats_mu_);
  for (uint64_t micros : sync_micros) {
    stats_.syncs++;
    stats_.sync_micros += micros;
    for (auto& [bound, count] : stats_.sync_duration_buckets) {
      if (micros <= bound) count++;
    }
  }
  stats_.sync_wait_micros += waited;
}

// A sync of 100 ms or more holds every write for that long: worth a line in the log (at most
// one a minute, with how many there were since the last one).
void GroupCommitWriter::WarnIfSlow(uint64_t sync_micros) {
  constexpr uint64_t kSlowMicros = 100'000;
  if (sync_micros < kSlowMicros) return;
  slow_since_warning_++;
  const Instant now = std::chrono::steady_clock::now();
  if (now < next_slow_warning_) return;
  spdlog::warn("slow WAL sync: {} ms ({} of 100 ms or more since the last such line); the disk "
               "is slow or busy, see xinan_db_wal_sync_duration_seconds", sync_micros / 1000,
               slow_since_warning_);
  slow_since_warning_ = 0;
  next_slow_warning_ = now + std::chrono::minutes(1);
}

WriteStats GroupCommitWriter::Stats() const {
  std::lock_guard lock(stats_mu_);
  WriteStats st = stats_;
  st.durability_lost = durability_lost_;
  return st;
}

}  // namespace xinan::store

// Tests of the group-commit writer's durability hand-off: a job is answered only after the
// connection's durability barrier ran for its commit, a failing barrier fails the jobs it was
// to cover, and a closed writer answers at once. Uses a real SQLite connection wrapped by a spy.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <future>
#include <thread>

#include "common/clock.h"
#include "store/group_commit.h"
#include "store/migrations.h"
#include "store/sqlite_connection.h"
#include "testing/temp_dir.h"

namespace xinan::store {
namespace {

// Forwards to an SQLite connection; counts commits, and its barrier records how many commits it
// covered (those done when it starts, as a real fdatasync would) and fails on demand.
class BarrierSpy final : public Connection {
 public:
  struct Shared {
    std::atomic<int> barriers{0};
    std::atomic<int> commits{0};
    std::atomic<int> synced_commits{0};
    std::atomic<bool> fail{false};
    std::atomic<int> sync_millis{0};  // how long each barrier takes
  };
  BarrierSpy(std::unique_ptr<Connection> inner, std::shared_ptr<Shared> shared)
      : inner_(std::move(inner)), shared_(std::move(shared)) {}
  Engine engine() const override { return inner_->engine(); }
  Result<int64_t> Exec(std::string_view sql, const Params& p) override { return inner_->Exec(sql, p); }
  Result<Rows> Query(std::string_view sql, const Params& p) override { return inner_->Query(sql, p); }
  Status ExecScript(std::string_view sql) override {
    Status st = inner_->ExecScript(sql);
    if (st.ok() && sql == "COMMIT") shared_->commits++;
    return st;
  }
  std::function<Status()> DurabilityBarrier() override {
    return [s = shared_] {
      s->barriers++;
      if (s->sync_millis > 0) std::this_thread::sleep_for(std::chrono::milliseconds(s->sync_millis.load()));
      if (s->fail) return Status::Unavailable("disk gone");
      s->synced_commits = s->commits.load();
      return Status::Ok();
    };
  }

 private:
  std::unique_ptr<Connection> inner_;
  std::shared_ptr<Shared> shared_;
};

class GroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto conn = OpenSqlite(dir_.File("t.db"), false);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(ApplyMigrations(**conn).ok());
    writer_ = std::make_unique<GroupCommitWriter>(
        std::make_unique<BarrierSpy>(std::move(conn).value(), spy_), clock_, 64, 0);
  }
  void TearDown() override {
    writer_.reset();
  }
  static WriteJob Insert(const std::string& v) {
    return [v](WriteContext& w) {
      return w.conn().Exec("INSERT INTO tag_definitions (code, name_zh, name_en) VALUES ($1, $1, $1)",
                           {v}).status();
    };
  }

  xinan::testing::TempDir dir_{"xinan-gc-"};
  FakeClock clock_{1'795'400'000'000};
  std::shared_ptr<BarrierSpy::Shared> spy_ = std::make_shared<BarrierSpy::Shared>();
  std::unique_ptr<GroupCommitWriter> writer_;
};

TEST_F(GroupCommitTest, AnsweredOnlyAfterTheBarrierCoveredTheCommit) {
  for (int i = 0; i < 5; ++i) {
    int before = spy_->barriers;
    ASSERT_TRUE(writer_->Submit(Insert("v" + std::to_string(i))).ok());
    EXPECT_GT(spy_->barriers, before) << "answered before the commit was made durable";
  }
}

TEST_F(GroupCommitTest, EveryConcurrentJobIsAnsweredAfterASyncCoveringItsCommit) {
  std::vector<std::future<Status>> results;
  for (int i = 0; i < 40; ++i) {
    auto p = std::make_shared<std::promise<Status>>();
    results.push_back(p->get_future());
    auto commit_of_job = std::make_shared<std::atomic<int>>(0);
    WriteJob job = [inner = Insert("c" + std::to_string(i)), commit_of_job, this](WriteContext& w) {
      *commit_of_job = spy_->commits + 1;  // runs inside the batch that commits next
      return inner(w);
    };
    writer_->SubmitAsync(std::move(job), [p, commit_of_job, this](Status st) {
      EXPECT_GE(spy_->synced_commits, *commit_of_job) << "answered before its commit was synced";
      p->set_value(std::move(st));
    });
  }
  for (auto& r : results) EXPECT_TRUE(r.get().ok());
}

TEST_F(GroupCommitTest, AFailedBarrierFailsItsJobs) {
  spy_->fail = true;
  Status st = writer_->Submit(Insert("x"));
  EXPECT_EQ(st.kind(), StatusKind::kUnavailable);
  EXPECT_NE(st.detail().find("not durable"), std::string::npos) << st.detail();
}

// A sync that failed may have lost pages written since, and the kernel reports that error only
// once: a later sync succeeding proves nothing. So nothing is acknowledged after a failure, not
// even when the disk answers again, and the writer says so in its statistics (healthz, metrics).
TEST_F(GroupCommitTest, AfterAFailedSyncNoWriteIsAcknowledged) {
  ASSERT_TRUE(writer_->Submit(Insert("before")).ok());
  EXPECT_FALSE(writer_->Stats().durability_lost);
  spy_->fail = true;
  EXPECT_EQ(writer_->Submit(Insert("lost")).kind(), StatusKind::kUnavailable);
  spy_->fail = false;  // the next fdatasync would report success
  bool ran = false;
  Status later = writer_->Submit([&ran](WriteContext&) {
    ran = true;
    return Status::Ok();
  });
  EXPECT_EQ(later.kind(), StatusKind::kUnavailable);
  EXPECT_NE(later.detail().find("restart"), std::string::npos) << later.detail();
  EXPECT_FALSE(ran) << "a refused write must not run";
  EXPECT_TRUE(writer_->Stats().durability_lost);
}

TEST_F(GroupCommitTest, AFailingJobKeepsItsOwnErrorWhenTheSyncFails) {
  ASSERT_TRUE(writer_->Submit(Insert("dup")).ok());
  spy_->fail = true;  // the failing job left nothing behind: its own error, not "not durable"
  Status st = writer_->Submit(Insert("dup"));
  EXPECT_EQ(st.kind(), StatusKind::kConflict);
}

// The write statistics behind /metrics say where the time went: a job queued behind a slow
// batch, the batch itself, and the wait for a slow sync. Lower bounds only (sleeps last at
// least as long as asked), so the test does not depend on the machine's speed.
TEST_F(GroupCommitTest, StatsSayWhereTheTimeWent) {
  spy_->sync_millis = 3;
  std::promise<void> started;
  WriteJob slow = [&started](WriteContext& w) {
    started.set_value();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return Insert("slow")(w);
  };
  std::promise<Status> first;
  writer_->SubmitAsync(std::move(slow), [&first](Status st) { first.set_value(std::move(st)); });
  started.get_future().wait();
  ASSERT_TRUE(writer_->Submit(Insert("queued")).ok());  // waits for the slow batch to end
  ASSERT_TRUE(first.get_future().get().ok());

  WriteStats st = writer_->Stats();
  EXPECT_EQ(st.jobs, 2u);
  EXPECT_EQ(st.batches, 2u);
  EXPECT_GE(st.queue_micros, 15'000u) << "the second job queued behind a 20 ms batch";
  EXPECT_GE(st.batch_micros, 20'000u);
  ASSERT_GE(st.syncs, 1u);
  EXPECT_GE(st.sync_micros, st.syncs * 3'000u);
  EXPECT_GE(st.sync_wait_micros, 2 * 3'000u) << "each job waited for a 3 ms sync";
  // The duration histogram: every sync counted once, none in a bucket under its 3 ms.
  ASSERT_FALSE(st.sync_duration_buckets.empty());
  for (const auto& [bound, count] : st.sync_duration_buckets) {
    if (bound < 3'000) EXPECT_EQ(count, 0u) << "<= " << bound << " us";
  }
  EXPECT_EQ(st.sync_duration_buckets.back().first, 1'000'000u);
  EXPECT_EQ(st.sync_duration_buckets.back().second, st.syncs) << "each sync counted once (under 1 s)";
}

TEST_F(GroupCommitTest, AClosedWriterAnswersAtOnce) {
  writer_->Close();
  std::promise<Status> p;
  writer_->SubmitAsync(Insert("late"), [&p](Status st) { p.set_value(std::move(st)); });
  auto f = p.get_future();
  ASSERT_EQ(f.wait_for(std::chrono::seconds(0)), std::future_status::ready);
  EXPECT_EQ(f.get().kind(), StatusKind::kUnavailable);
}

}  // namespace
}  // namespace xinan::store

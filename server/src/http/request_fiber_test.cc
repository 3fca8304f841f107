// Tests of request fibers without sockets: a suspended request frees its thread for others,
// Offload runs work on another thread and brings exceptions back, the fiber scheduler is only
// visible inside a request, and a database write from a request suspends it until the commit.
#include <gtest/gtest.h>

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "common/clock.h"
#include "common/fiber.h"
#include "http/request_fiber.h"
#include "store/database.h"
#include "testing/temp_dir.h"

namespace xinan::http {
namespace {

// The test thread plays the IO thread: posted work queues up and Pump runs it here.
class FakeIo {
 public:
  RequestFiber::Post Post() {
    return [this](std::function<void()> fn) {
      std::lock_guard lock(mu_);
      queue_.push_back(std::move(fn));
      cv_.notify_all();
    };
  }
  // Runs posted work until `done()` holds (waiting for posts from other threads).
  void PumpUntil(const std::function<bool()>& done) {
    while (!done()) {
      std::function<void()> fn;
      {
        std::unique_lock lock(mu_);
        ASSERT_TRUE(cv_.wait_for(lock, std::chrono::seconds(10), [&] { return !queue_.empty(); }))
            << "nothing was posted back";
        fn = std::move(queue_.front());
        queue_.pop_front();
      }
      fn();
    }
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
};

RequestFiber::Post NewThreadPool() {
  return [](std::function<void()> fn) { std::thread(std::move(fn)).detach(); };
}

TEST(RequestFiber, ASuspendedRequestLetsAnotherRunOnTheSameThread) {
  FakeIo io;
  std::vector<std::string> events;
  fiber::Resume resume_a;
  bool a_done = false, b_done = false;
  RequestFiber::Start(
      [&] {
        events.push_back("a starts");
        fiber::Current()->Await([&](fiber::Resume r) { resume_a = std::move(r); });
        events.push_back("a resumed");
      },
      [&] { a_done = true; }, io.Post(), NewThreadPool());
  EXPECT_FALSE(a_done) << "a finished although it waits";
  RequestFiber::Start(
      [&] {
        events.push_back("b runs");
        resume_a();
      },
      [&] { b_done = true; }, io.Post(), NewThreadPool());
  EXPECT_TRUE(b_done);
  io.PumpUntil([&] { return a_done; });
  EXPECT_EQ(events, (std::vector<std::string>{"a starts", "b runs", "a resumed"}));
}

TEST(RequestFiber, OffloadRunsElsewhereAndReturnsHere) {
  FakeIo io;
  auto here = std::this_thread::get_id();
  std::thread::id ran_on, resumed_on;
  std::string caught;
  bool done = false;
  RequestFiber::Start(
      [&] {
        fiber::Blocking([&] { ran_on = std::this_thread::get_id(); });
        resumed_on = std::this_thread::get_id();
        try {
          fiber::Blocking([] { throw std::runtime_error("boom"); });
        } catch (const std::exception& e) {
          caught = e.what();
        }
      },
      [&] { done = true; }, io.Post(), NewThreadPool());
  io.PumpUntil([&] { return done; });
  EXPECT_NE(ran_on, here);
  EXPECT_EQ(resumed_on, here);
  EXPECT_EQ(caught, "boom");
}

TEST(RequestFiber, SchedulerVisibleOnlyInsideARequest) {
  EXPECT_EQ(fiber::Current(), nullptr);
  auto here = std::this_thread::get_id();
  std::thread::id ran_on;
  fiber::Blocking([&] { ran_on = std::this_thread::get_id(); });
  EXPECT_EQ(ran_on, here) << "outside a request Blocking runs inline";
  FakeIo io;
  fiber::Scheduler* inside = nullptr;
  bool done = false;
  RequestFiber::Start([&] { inside = fiber::Current(); }, [&] { done = true; }, io.Post(),
                      NewThreadPool());
  EXPECT_TRUE(done);
  EXPECT_NE(inside, nullptr);
  EXPECT_EQ(fiber::Current(), nullptr);
}

TEST(RequestFiber, NothingSuspendsInsideANoSuspendScope) {
  FakeIo io;
  auto here = std::this_thread::get_id();
  std::thread::id held_ran_on;
  bool null_inside = false, back_after = false, done = false;
  RequestFiber::Start(
      [&] {
        {
          fiber::NoSuspend hold;  // e.g. a read job holding a pooled connection
          null_inside = fiber::Current() == nullptr;
          fiber::Blocking([&] { held_ran_on = std::this_thread::get_id(); });
        }
        back_after = fiber::Current() != nullptr;
      },
      [&] { done = true; }, io.Post(), NewThreadPool());
  EXPECT_TRUE(done) << "the request suspended inside the scope";
  EXPECT_TRUE(null_inside);
  EXPECT_EQ(held_ran_on, here);
  EXPECT_TRUE(back_after);
}

TEST(RequestFiber, ADatabaseWriteSuspendsTheRequestUntilItsCommit) {
  testing::TempDir dir("xinan-fiber-");
  FakeClock clock(1'795'400'000'000);
  store::DatabaseOptions o;
  o.url = "sqlite:" + dir.File("f.db");
  o.clock = &clock;
  auto db = store::OpenDatabase(o);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  FakeIo io;
  Status written = Status::Internal("not run");
  bool done = false;
  RequestFiber::Start(
      [&] {
        written = (*db)->Write([](store::WriteContext& w) {
          return w.conn().Exec("INSERT INTO tag_definitions (code, name_zh, name_en) "
                               "VALUES ('fiber', 'f', 'f')").status();
        });
      },
      [&] { done = true; }, io.Post(), NewThreadPool());
  EXPECT_FALSE(done) << "the write completed without suspending the request";
  io.PumpUntil([&] { return done; });
  EXPECT_TRUE(written.ok()) << written.ToString();
  (*db)->Close();
}

}  // namespace
}  // namespace xinan::http

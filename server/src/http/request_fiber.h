// RequestFiber: one HTTP request's handler running on its own small stack (Boost.Context), so
// a blocking call inside it (fiber::Scheduler::Await: the group commit, a PostgreSQL read,
// password hashing) suspends just that request and the IO thread serves others meanwhile.
// Single-threaded: started, resumed and finished on the thread of one io_context; it never
// migrates, so thread-locals stay valid across a suspension.
#pragma once

#include <functional>
#include <memory>

#include "common/fiber.h"

namespace xinan::http {

class RequestFiber final : public fiber::Scheduler,
                           public std::enable_shared_from_this<RequestFiber> {
 public:
  // Schedules `fn` on the thread the post belongs to (IO thread) or on the worker pool.
  using Post = std::function<void(std::function<void()>)>;

  // Runs `body` on a new fiber now, on the calling (IO) thread; `done` runs on the IO thread's
  // own stack after `body` returned. `to_io` must post to the calling thread's io_context.
  static void Start(std::function<void()> body, std::function<void()> done, Post to_io,
                    Post to_pool);

  void Await(std::function<void(fiber::Resume)> start) override;
  void Offload(const std::function<void()>& fn) override;

  struct State;  // the Boost.Context fibers, kept out of this header
  RequestFiber(std::function<void()> body, std::function<void()> done, Post to_io, Post to_pool);
  ~RequestFiber() override;

 private:
  void Step();

  std::function<void()> body_;
  std::function<void()> done_;
  Post to_io_;
  Post to_pool_;
  std::function<void(fiber::Resume)> pending_;  // set by Await, run by Step after switching out
  std::unique_ptr<State> state_;
};

}  // namespace xinan::http

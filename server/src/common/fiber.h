// Request fibers: lets a blocking call made while an HTTP request is handled (waiting for the
// group commit, a PostgreSQL round trip, password hashing) suspend that request instead of
// parking the IO thread it runs on. The HTTP server runs each request on a fiber and installs a
// Scheduler for it while it runs; code outside a request (CLI, background jobs, the worker pool)
// sees none and simply blocks.
#pragma once

#include <functional>

namespace xinan::fiber {

// Continues a suspended request; call exactly once, from any thread.
using Resume = std::function<void()>;

class Scheduler {
 public:
  virtual ~Scheduler() = default;
  // Suspends the current request. `start` runs once the request is suspended, on its thread,
  // and is given the Resume; Await returns (on the request's thread) after Resume was called.
  // Must not be called while holding a lock another request on the same thread may take.
  virtual void Await(std::function<void(Resume)> start) = 0;
  // Runs `fn` on the blocking worker pool while the request is suspended.
  virtual void Offload(const std::function<void()>& fn) = 0;
};

// The scheduler of the request running on this thread, or nullptr outside a request (and
// inside a NoSuspend scope).
Scheduler* Current();
void SetCurrent(Scheduler* scheduler);

// While one lives on this thread, Current() is nullptr: everything blocks in place. For code
// holding a resource that the thread itself might need before the request could resume.
class NoSuspend {
 public:
  NoSuspend();
  ~NoSuspend();
  NoSuspend(const NoSuspend&) = delete;
  NoSuspend& operator=(const NoSuspend&) = delete;
};

// Runs `fn` off the IO thread when called inside a request (suspending it), inline otherwise.
void Blocking(const std::function<void()>& fn);

}  // namespace xinan::fiber

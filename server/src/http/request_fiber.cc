#include "http/request_fiber.h"

#include <boost/context/fiber.hpp>
#include <boost/context/protected_fixedsize_stack.hpp>
#include <spdlog/spdlog.h>

#include <exception>
#include <vector>

namespace xinan::http {
namespace ctx = boost::context;

namespace {

// Enough for the deepest handler (SQLite's parser, JSON, xlsx), with a guard page below.
constexpr size_t kStackBytes = 512 * 1024;
constexpr size_t kMaxPooledStacks = 256;

// Stacks are reused per thread: mapping and unmapping one per request would cost syscalls and
// TLB shootdowns. A fiber is created and destroyed on the same IO thread.
struct StackCache {
  std::vector<ctx::stack_context> free;
  ~StackCache() {
    for (auto& sc : free) ctx::protected_fixedsize_stack(kStackBytes).deallocate(sc);
  }
};
thread_local StackCache stack_cache;

struct PooledStack {
  ctx::stack_context allocate() {
    if (!stack_cache.free.empty()) {
      ctx::stack_context sc = stack_cache.free.back();
      stack_cache.free.pop_back();
      return sc;
    }
    return ctx::protected_fixedsize_stack(kStackBytes).allocate();
  }
  void deallocate(ctx::stack_context& sc) noexcept {
    if (stack_cache.free.size() < kMaxPooledStacks) stack_cache.free.push_back(sc);
    else ctx::protected_fixedsize_stack(kStackBytes).deallocate(sc);
  }
};

}  // namespace

struct RequestFiber::State {
  ctx::fiber request;  // the request's fiber while it is suspended (empty once it finished)
  ctx::fiber caller;   // the IO thread's context while the request's fiber runs
};

RequestFiber::RequestFiber(std::function<void()> body, std::function<void()> done, Post to_io,
                           Post to_pool)
    : body_(std::move(body)), done_(std::move(done)), to_io_(std::move(to_io)),
      to_pool_(std::move(to_pool)), state_(std::make_unique<State>()) {
  state_->request = ctx::fiber(std::allocator_arg, PooledStack(), [this](ctx::fiber&& caller) {
    state_->caller = std::move(caller);
    try {
      body_();
    } catch (const std::exception& e) {
      spdlog::error("request fiber: unhandled exception: {}", e.what());
    }
    return std::move(state_->caller);
  });
}

RequestFiber::~RequestFiber() = default;

void RequestFiber::Start(std::function<void()> body, std::function<void()> done, Post to_io,
                         Post to_pool) {
  auto f = std::make_shared<RequestFiber>(std::move(body), std::move(done), std::move(to_io),
                                          std::move(to_pool));
  f->Step();
}

// Runs the request's fiber until it suspends or finishes.
void RequestFiber::Step() {
  fiber::Scheduler* outer = fiber::Current();
  fiber::SetCurrent(this);
  state_->request = std::move(state_->request).resume();
  fiber::SetCurrent(outer);
  if (pending_) {
    auto start = std::move(pending_);
    pending_ = nullptr;
    start([self = shared_from_this()] { self->to_io_([self] { self->Step(); }); });
    return;
  }
  if (!state_->request) done_();
}

void RequestFiber::Await(std::function<void(fiber::Resume)> start) {
  pending_ = std::move(start);
  state_->caller = std::move(state_->caller).resume();  // back into Step; continues when resumed
}

void RequestFiber::Offload(const std::function<void()>& fn) {
  std::exception_ptr failed;
  Await([this, &fn, &failed](fiber::Resume resume) {
    to_pool_([&fn, &failed, resume = std::move(resume)] {
      try {
        fn();
      } catch (...) {
        failed = std::current_exception();
      }
      resume();
    });
  });
  if (failed) std::rethrow_exception(failed);  // on the request's own stack, as if run inline
}

}  // namespace xinan::http

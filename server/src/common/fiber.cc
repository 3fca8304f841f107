#include "common/fiber.h"

namespace xinan::fiber {
namespace {
thread_local Scheduler* current = nullptr;
thread_local int no_suspend_depth = 0;
}  // namespace

Scheduler* Current() { return no_suspend_depth > 0 ? nullptr : current; }
void SetCurrent(Scheduler* scheduler) { current = scheduler; }

NoSuspend::NoSuspend() { ++no_suspend_depth; }
NoSuspend::~NoSuspend() { --no_suspend_depth; }

void Blocking(const std::function<void()>& fn) {
  if (Scheduler* s = Current()) return s->Offload(fn);
  fn();
}

}  // namespace xinan::fiber

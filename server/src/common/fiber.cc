#include "common/fiber.h"

namespace xinan::fiber {
namespace {
thread_local Scheduler* current = nullptr;
}  // namespace

Scheduler* Current() { return current; }
void SetCurrent(Scheduler* scheduler) { current = scheduler; }

void Blocking(const std::function<void()>& fn) {
  if (Scheduler* s = Current()) return s->Offload(fn);
  fn();
}

}  // namespace xinan::fiber

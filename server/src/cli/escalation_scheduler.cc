#include "cli/escalation_scheduler.h"

#include <spdlog/spdlog.h>

namespace xinan::cli {

EscalationScheduler::EscalationScheduler(alerts::AlertStore& alerts, const Clock& clock, int interval_seconds)
    : alerts_(alerts), clock_(clock), interval_seconds_(interval_seconds > 0 ? interval_seconds : 30) {
  thread_ = std::thread([this] { Loop(); });
}

void EscalationScheduler::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void EscalationScheduler::Loop() {
  std::unique_lock lock(mu_);
  while (!cv_.wait_for(lock, std::chrono::seconds(interval_seconds_), [&] { return stopping_; })) {
    lock.unlock();
    auto n = alerts_.EscalateDue(clock_.NowMillis());
    if (!n.ok()) spdlog::warn("escalation run failed: {}", n.status().ToString());
    else if (*n > 0) spdlog::info("escalated {} overdue alerts", *n);
    lock.lock();
  }
}

}  // namespace xinan::cli

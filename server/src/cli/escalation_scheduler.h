// EscalationScheduler: a background thread of `xinan serve` that moves overdue alerts up the
// tree every interval. Deadlines live in the database, so a restart loses nothing; several
// instances may run it at once (each alert escalates once per deadline).
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "alerts/store/alert_store.h"
#include "common/clock.h"

namespace xinan::cli {

class EscalationScheduler {
 public:
  EscalationScheduler(alerts::AlertStore& alerts, const Clock& clock, int interval_seconds);
  ~EscalationScheduler() { Stop(); }
  // Stops the thread (idempotent).
  void Stop();

 private:
  void Loop();
  alerts::AlertStore& alerts_;
  const Clock& clock_;
  const int interval_seconds_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;  // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace xinan::cli

#include "alerts/domain/deadlines.h"

namespace xinan::alerts {

int64_t AckDeadline(AlertLevel level, int64_t from, const DeadlinePolicy& p) {
  switch (level) {
    case AlertLevel::kRed: return from + p.red_millis;
    case AlertLevel::kOrange: return from + p.orange_millis;
    case AlertLevel::kYellow: return from + p.yellow_millis;
  }
  return from + p.yellow_millis;
}

bool MustEscalate(const std::string& status, int64_t deadline, int64_t now) {
  return status == "new" && now >= deadline;
}

}  // namespace xinan::alerts

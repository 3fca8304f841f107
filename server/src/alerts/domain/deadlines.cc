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

std::optional<std::string> EscalationTarget(const std::string& unit_path) {
  if (unit_path.size() < 2 || unit_path.front() != '/' || unit_path.back() != '/') return std::nullopt;
  size_t cut = unit_path.rfind('/', unit_path.size() - 2);
  if (cut == 0 || cut == std::string::npos) return std::nullopt;
  return unit_path.substr(0, cut + 1);
}

}  // namespace xinan::alerts

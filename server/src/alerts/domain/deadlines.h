// Alert deadlines and escalation: when an alert must be acknowledged, and where it goes when
// that passes (village → town → district). Pure functions over epoch milliseconds.
#pragma once

#include <cstdint>
#include <string>

#include "alerts/domain/warning_rules.h"

namespace xinan::alerts {

struct DeadlinePolicy {
  int64_t red_millis = 2LL * 3600 * 1000;
  int64_t orange_millis = 24LL * 3600 * 1000;
  int64_t yellow_millis = 72LL * 3600 * 1000;
};

// The acknowledgement deadline of an alert raised (or escalated) at `from`.
int64_t AckDeadline(AlertLevel level, int64_t from, const DeadlinePolicy& p = {});

// Whether an alert in `status` with `deadline` must escalate at `now`: only unacknowledged
// ("new") alerts past their deadline escalate.
bool MustEscalate(const std::string& status, int64_t deadline, int64_t now);

}  // namespace xinan::alerts

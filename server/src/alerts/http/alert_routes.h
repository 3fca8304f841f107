// HTTP routes of early warning: the alert inbox (/api/v1/alerts: list, detail with timeline,
// acknowledge, start, close), the warning rules (/api/v1/warning-rules) and the in-app
// notifications (/api/v1/notifications).
#pragma once

#include <functional>
#include <optional>
#include <utility>
#include <string>

#include "alerts/store/alert_store.h"
#include "alerts/store/notification_store.h"
#include "alerts/store/rule_store.h"
#include "common/clock.h"
#include "http/route.h"

namespace xinan::alerts {

// The lowest and highest total of a scale in the library, or nullopt for an unknown code (rules
// may only name known scales, and only thresholds its totals can reach).
using ScaleTotals = std::function<std::optional<std::pair<double, double>>(const std::string&)>;

http::RouteTable AlertRoutes(AlertStore& store, const Clock& clock);
http::RouteTable RuleRoutes(RuleStore& store, ScaleTotals scale_totals);
http::RouteTable NotificationRoutes(NotificationStore& store);
void RegisterAlertMessages();

}  // namespace xinan::alerts

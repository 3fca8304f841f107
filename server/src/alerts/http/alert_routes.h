// HTTP routes of early warning: the alert inbox (/api/v1/alerts: list, detail with timeline,
// acknowledge, start, close), the warning rules (/api/v1/warning-rules) and the in-app
// notifications (/api/v1/notifications).
#pragma once

#include <functional>
#include <string>

#include "alerts/store/alert_store.h"
#include "alerts/store/notification_store.h"
#include "alerts/store/rule_store.h"
#include "common/clock.h"
#include "http/route.h"

namespace xinan::alerts {

// Whether a scale code names a scale in the library (rules may only name known scales).
using ScaleKnown = std::function<bool(const std::string&)>;

http::RouteTable AlertRoutes(AlertStore& store, const Clock& clock);
http::RouteTable RuleRoutes(RuleStore& store, ScaleKnown scale_known);
http::RouteTable NotificationRoutes(NotificationStore& store);
void RegisterAlertMessages();

}  // namespace xinan::alerts

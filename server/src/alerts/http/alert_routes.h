// HTTP routes of the alert inbox (/api/v1/alerts): list, detail with timeline, acknowledge, close.
#pragma once

#include "alerts/store/alert_store.h"
#include "common/clock.h"
#include "http/route.h"

namespace xinan::alerts {
http::RouteTable AlertRoutes(AlertStore& store, const Clock& clock);
}  // namespace xinan::alerts

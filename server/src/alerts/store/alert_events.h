// The alert timeline row and the in-app notification row, shared by the assessment store
// (raised) and the alert store (escalated).
#pragma once

namespace xinan::alerts {

// $1 id, $2 alert id, $3 at, $4 actor, $5 action, $6 detail; seq is the next in the alert.
inline constexpr const char* kInsertAlertEvent =
    "INSERT INTO alert_events (id, alert_id, seq, at, actor, action, detail) VALUES ($1, $2, "
    "(SELECT COUNT(*) + 1 FROM alert_events WHERE alert_id = $2), $3, $4, $5, $6)";

// $1 id, $2 unit id (whose users are notified), $3 kind, $4 alert id, $5 level, $6 at.
inline constexpr const char* kInsertNotification =
    "INSERT INTO notifications (id, unit_id, kind, alert_id, level, created_at) VALUES "
    "($1, $2, $3, $4, $5, $6)";

}  // namespace xinan::alerts

// NotificationStore: the in-app notification list of a unit (an alert raised in it, escalated
// or transferred to it), read or unread for each of the unit's users on their own, and the
// outbound notification interface an SMS gateway can implement.
// Notifications carry no personal data: an alert id, its level and what happened.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace xinan::alerts {

struct Notification {
  std::string id, kind, alert_id, level;
  int64_t created_at = 0;
  bool read = false;
  std::string scale_code;  // of the alert's assessment, so entries can be told apart
};

struct NotificationPage {
  std::vector<Notification> items;
  int64_t total = 0, unread = 0;
};

// Outbound delivery (SMS, WeChat work, …) of "an alert needs your unit". Called after the
// alert's transaction committed. Implementations must be thread-safe and must not block long.
class OutboundNotifier {
 public:
  virtual ~OutboundNotifier() = default;
  // kind: alert_raised | alert_escalated; unit_code: the unit to reach.
  virtual void Notify(const std::string& kind, const std::string& unit_code,
                      const std::string& alert_id, const std::string& level) = 0;
};

// Writes one log line per notification (unit code, level, alert id — no personal data).
class LogNotifier : public OutboundNotifier {
 public:
  void Notify(const std::string& kind, const std::string& unit_code, const std::string& alert_id,
              const std::string& level) override;
};

class NotificationStore {
 public:
  explicit NotificationStore(store::Database& db) : db_(db) {}

  // The notifications of `unit_id`, newest first, read or not by `user_id`; only those it has
  // not read when `unread_only`.
  Result<NotificationPage> List(const std::string& unit_id, const std::string& user_id,
                                bool unread_only, int offset, int limit);
  // Marks one notification of `unit_id` read for `user_id` (not_found when it belongs to
  // another unit). The unit's other users still see it unread.
  Status MarkRead(const std::string& unit_id, const std::string& user_id, const std::string& id);
  // Marks every notification of `unit_id` read for `user_id`.
  Status MarkAllRead(const std::string& unit_id, const std::string& user_id);

 private:
  store::Database& db_;
};

}  // namespace xinan::alerts

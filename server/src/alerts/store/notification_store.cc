#include "alerts/store/notification_store.h"

#include <spdlog/spdlog.h>

namespace xinan::alerts {

void LogNotifier::Notify(const std::string& kind, const std::string& unit_code,
                         const std::string& alert_id, const std::string& level) {
  spdlog::info("notify unit {}: {} {} alert {}", unit_code, kind, level, alert_id);
}

Result<NotificationPage> NotificationStore::List(const std::string& unit_id, bool unread_only,
                                                 int offset, int limit) {
  NotificationPage page;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    std::string where = " WHERE n.unit_id = $1" + std::string(unread_only ? " AND n.read_at = 0" : "");
    XINAN_ASSIGN_OR_RETURN(store::Rows n, c.Query("SELECT COUNT(*) FROM notifications n" + where, {unit_id}));
    page.total = n[0].Int(0);
    XINAN_ASSIGN_OR_RETURN(store::Rows u, c.Query(
        "SELECT COUNT(*) FROM notifications WHERE unit_id = $1 AND read_at = 0", {unit_id}));
    page.unread = u[0].Int(0);
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        "SELECT n.id, n.kind, n.alert_id, n.level, n.created_at, n.read_at, a.scale_code FROM notifications n "
        "LEFT JOIN alerts l ON l.id = n.alert_id LEFT JOIN assessments a ON a.id = l.assessment_id" +
            where + " ORDER BY n.created_at DESC, n.id DESC LIMIT $2 OFFSET $3",
        {unit_id, int64_t{limit}, int64_t{offset}}));
    for (const auto& r : rows) {
      page.items.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5) != 0,
                            r.IsNull(6) ? "" : r.Text(6)});
    }
    return Status::Ok();
  }));
  return page;
}

Status NotificationStore::MarkRead(const std::string& unit_id, const std::string& id) {
  return db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, w.conn().Query(
        "SELECT read_at FROM notifications WHERE id = $1 AND unit_id = $2", {id, unit_id}));
    if (rows.empty()) return Status::NotFound();
    if (rows[0].Int(0) != 0) return Status::Ok();
    return w.conn().Exec("UPDATE notifications SET read_at = $1 WHERE id = $2", {w.NowMillis(), id}).status();
  });
}

Status NotificationStore::MarkAllRead(const std::string& unit_id) {
  return db_.Write([&](store::WriteContext& w) -> Status {
    return w.conn().Exec("UPDATE notifications SET read_at = $1 WHERE unit_id = $2 AND read_at = 0",
                         {w.NowMillis(), unit_id}).status();
  });
}

}  // namespace xinan::alerts

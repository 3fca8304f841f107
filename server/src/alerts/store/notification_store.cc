#include "alerts/store/notification_store.h"

#include <spdlog/spdlog.h>

namespace xinan::alerts {

void LogNotifier::Notify(const std::string& kind, const std::string& unit_code,
                         const std::string& alert_id, const std::string& level) {
  spdlog::info("notify unit {}: {} {} alert {}", unit_code, kind, level, alert_id);
}

namespace {

// Whether `user` ($2) has read notification n: marked read, or older than the user's account
// (a new colleague's bell starts empty instead of with the unit's whole history).
constexpr const char* kReadByUser =
    "(n.created_at < (SELECT u.created_at FROM users u WHERE u.id = $2) OR "
    "EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.user_id = $2))";

}  // namespace

Result<NotificationPage> NotificationStore::List(const std::string& unit_id, const std::string& user_id,
                                                 bool unread_only, int offset, int limit) {
  NotificationPage page;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    const std::string unread = std::string(" AND NOT ") + kReadByUser;
    const std::string where = " WHERE n.unit_id = $1" + (unread_only ? unread : std::string());
    XINAN_ASSIGN_OR_RETURN(store::Rows n, c.Query(
        std::string("SELECT COUNT(*), COUNT(*) FILTER (WHERE NOT ") + kReadByUser +
            ") FROM notifications n WHERE n.unit_id = $1", {unit_id, user_id}));
    page.total = unread_only ? n[0].Int(1) : n[0].Int(0);
    page.unread = n[0].Int(1);
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        std::string("SELECT n.id, n.kind, n.alert_id, n.level, n.created_at, ") + kReadByUser +
            ", a.scale_code FROM notifications n "
            "LEFT JOIN alerts l ON l.id = n.alert_id LEFT JOIN assessments a ON a.id = l.assessment_id" +
            where + " ORDER BY n.created_at DESC, n.id DESC LIMIT $3 OFFSET $4",
        {unit_id, user_id, int64_t{limit}, int64_t{offset}}));
    for (const auto& r : rows) {
      page.items.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5) != 0,
                            r.IsNull(6) ? "" : r.Text(6)});
    }
    return Status::Ok();
  }));
  return page;
}

Status NotificationStore::MarkRead(const std::string& unit_id, const std::string& user_id,
                                   const std::string& id) {
  return db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, w.conn().Query(
        "SELECT 1 FROM notifications WHERE id = $1 AND unit_id = $2", {id, unit_id}));
    if (rows.empty()) return Status::NotFound();
    return w.conn().Exec(
        "INSERT INTO notification_reads (notification_id, user_id, read_at) VALUES ($1, $2, $3) "
        "ON CONFLICT (notification_id, user_id) DO NOTHING", {id, user_id, w.NowMillis()}).status();
  });
}

Status NotificationStore::MarkAllRead(const std::string& unit_id, const std::string& user_id) {
  return db_.Write([&](store::WriteContext& w) -> Status {
    return w.conn().Exec(
        std::string("INSERT INTO notification_reads (notification_id, user_id, read_at) "
                    "SELECT n.id, CAST($2 AS TEXT), CAST($3 AS BIGINT) FROM notifications n WHERE n.unit_id = $1 AND NOT ") +
            kReadByUser + " ON CONFLICT (notification_id, user_id) DO NOTHING",
        {unit_id, user_id, w.NowMillis()}).status();
  });
}

}  // namespace xinan::alerts

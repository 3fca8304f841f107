// Notification routes (/api/v1/notifications): the signed-in user's unit's in-app list, for
// the roles that see alerts (people.read): the list names alerts. Read or unread is the
// signed-in user's own: a colleague's reading does not clear anyone else's bell.
#include "alerts/http/alert_routes.h"

#include "common/clock.h"
#include "common/json.h"
#include "common/messages.h"
#include "http/reply.h"
#include "identity/domain/roles.h"

namespace xinan::alerts {
namespace {

using http::Request;
using http::Response;

json::object MessageJson(const Notification& n) {
  std::string code = "notification_" + n.kind + "_" + n.level;
  return {{"zh-CN", MessageText(code, "zh-CN")}, {"en", MessageText(code, "en")}};
}

Response List(NotificationStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(http::Paging paging, http::ParsePaging(req));
    bool unread = req.Query("unread") == "true";
    XINAN_ASSIGN_OR_RETURN(NotificationPage page,
                           s.List(req.principal->unit_id, req.principal->user_id, unread, paging.Offset(), paging.page_size));
    json::array items;
    for (const auto& n : page.items) {
      items.push_back({{"id", n.id}, {"kind", n.kind}, {"alertId", n.alert_id}, {"level", n.level},
                       {"message", MessageJson(n)}, {"createdAt", FormatInstant(n.created_at)},
                       {"read", n.read}, {"scaleCode", n.scale_code}});
    }
    return http::ListResponse(std::move(items), page.total, paging, {{"unread", page.unread}});
  });
}

}  // namespace

http::RouteTable NotificationRoutes(NotificationStore& store) {
  using http::Access;
  NotificationStore* s = &store;
  return {
      {"GET", "/api/v1/notifications", Access::kPermission, identity::kPeopleRead, [s](Request& r) { return List(*s, r); },
       "Notifications of the user's unit, newest first (unread=true: those this user has not read; paging); with the user's unread count",
       "alerts", "", R"({"type":"object"})"},
      {"POST", "/api/v1/notifications/{id}/read", Access::kPermission, identity::kPeopleRead,
       [s](Request& r) {
         return http::Reply(r, [&]() -> Result<Response> {
           XINAN_RETURN_IF_ERROR(s->MarkRead(r.principal->unit_id, r.principal->user_id, r.Param("id")));
           return Response::NoContent();
         });
       },
       "Mark one notification read for the signed-in user", "alerts", "", "", 204},
      {"POST", "/api/v1/notifications/read-all", Access::kPermission, identity::kPeopleRead,
       [s](Request& r) {
         return http::Reply(r, [&]() -> Result<Response> {
           XINAN_RETURN_IF_ERROR(s->MarkAllRead(r.principal->unit_id, r.principal->user_id));
           return Response::NoContent();
         });
       },
       "Mark every notification of the unit read for the signed-in user", "alerts", "", "", 204},
  };
}

void RegisterAlertMessages() {
  RegisterMessages({
      {"alert_state", "预警当前状态不允许此操作", "The alert's status does not allow this"},
      {"outcome_invalid", "请选择处置结果", "Choose an outcome"},
      {"note_too_long", "处置说明不能超过 2000 个字", "The note is at most 2,000 characters"},
      {"level_invalid", "预警级别应为红、橙或黄", "The level must be red, orange or yellow"},
      {"status_invalid", "预警状态无效", "Unknown alert status"},
      {"rules_district_only", "预警规则适用于全区，只能由区级机构的管理员修改",
       "Warning rules apply district-wide; only an administrator of the district unit may change them"},
      {"rule_without_condition", "规则至少需要一个条件", "A rule needs at least one condition"},
      {"rule_rise_positive", "分数升高值应大于 0", "The score rise must be above 0"},
      {"rule_total_unreachable", "高于该量表的最高总分，此规则永远不会触发", "Above the scale's highest total: the rule could never fire"},
      {"rule_total_below_lowest", "低于该量表的最低总分，此规则永远不会触发", "Below the scale's lowest total: the rule could never fire"},
      {"rule_total_band_empty", "总分上限不能低于总分下限", "The highest total must not be below the lowest total"},
      {"rule_rise_unreachable", "超过该量表总分的可变范围，此规则永远不会触发", "More than the scale's totals can rise: the rule could never fire"},
      {"notification_alert_raised_red", "本单位有新的红色预警，请立即响应",
       "A new red alert for your unit: respond now"},
      {"notification_alert_raised_orange", "本单位有新的橙色预警", "A new orange alert for your unit"},
      {"notification_alert_raised_yellow", "本单位有新的黄色预警", "A new yellow alert for your unit"},
      {"notification_alert_escalated_red", "一条红色预警超时未响应，已上报本单位",
       "A red alert not acknowledged in time was escalated to your unit"},
      {"notification_alert_escalated_orange", "一条橙色预警超时未响应，已上报本单位",
       "An orange alert not acknowledged in time was escalated to your unit"},
      {"notification_alert_escalated_yellow", "一条黄色预警超时未响应，已上报本单位",
       "A yellow alert not acknowledged in time was escalated to your unit"},
      {"notification_alert_transferred_red", "一位有红色预警的居民迁入本单位，预警已转来，请立即响应",
       "A resident with a red alert moved to your unit; the alert is now yours: respond now"},
      {"notification_alert_transferred_orange", "一位有橙色预警的居民迁入本单位，预警已转来",
       "A resident with an orange alert moved to your unit; the alert is now yours"},
      {"notification_alert_transferred_yellow", "一位有黄色预警的居民迁入本单位，预警已转来",
       "A resident with a yellow alert moved to your unit; the alert is now yours"},
  });
}

}  // namespace xinan::alerts

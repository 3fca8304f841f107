#include "audit/audit_store.h"

namespace xinan::audit {
namespace {

std::string Next(store::Params& p, store::SqlValue v) {
  p.push_back(std::move(v));
  return "$" + std::to_string(p.size());
}

std::string Where(const security::Scope& scope, const AuditFilter& f, store::Params& p) {
  std::string w = " WHERE (actor_unit_id IN (SELECT id FROM org_units WHERE " + scope.Condition("path", p) +
                  ") OR person_id IN (SELECT id FROM people WHERE " + scope.Condition("unit_path", p) + ")";
  if (scope.IsTop()) w += " OR (COALESCE(actor_unit_id, '') = '' AND COALESCE(person_id, '') = '')";
  w += ")";
  if (!f.action.empty()) {
    w += f.action.back() == '.' ? " AND action LIKE " + Next(p, f.action + "%")
                                : " AND action = " + Next(p, f.action);
  }
  if (!f.username.empty()) w += " AND actor_username = " + Next(p, f.username);
  if (!f.person_id.empty()) w += " AND person_id = " + Next(p, f.person_id);
  if (f.from_millis > 0) w += " AND at >= " + Next(p, f.from_millis);
  if (f.to_millis > 0) w += " AND at < " + Next(p, f.to_millis);
  return w;
}

}  // namespace

Result<std::vector<AuditRow>> AuditStore::List(const security::Scope& scope, const AuditFilter& f,
                                               int64_t* total) {
  std::vector<AuditRow> out;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    store::Params p;
    std::string where = Where(scope, f, p);
    XINAN_ASSIGN_OR_RETURN(store::Rows count, c.Query("SELECT COUNT(*) FROM audit_log" + where, p));
    *total = count[0].Int(0);
    std::string limit = Next(p, int64_t{f.limit});
    std::string offset = Next(p, int64_t{f.offset});
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        "SELECT seq, at, actor_user_id, actor_username, actor_role, actor_unit_id, action, "
        "object_type, object_id, person_id, reason, request_id FROM audit_log" + where +
        " ORDER BY seq DESC LIMIT " + limit + " OFFSET " + offset, p));
    for (const auto& r : rows) {
      AuditRow a;
      a.seq = r.Int(0);
      a.event.at_millis = r.Int(1);
      a.event.actor_user_id = r.Text(2);
      a.event.actor_username = r.Text(3);
      a.event.actor_role = r.Text(4);
      a.event.actor_unit_id = r.Text(5);
      a.event.action = r.Text(6);
      a.event.object_type = r.Text(7);
      a.event.object_id = r.Text(8);
      a.event.person_id = r.Text(9);
      a.event.reason = r.Text(10);
      a.event.request_id = r.Text(11);
      out.push_back(std::move(a));
    }
    return Status::Ok();
  }));
  return out;
}

}  // namespace xinan::audit

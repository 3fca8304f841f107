#include "alerts/store/alert_store.h"

#include <algorithm>

#include "security/tokens.h"

#include "alerts/store/alert_events.h"

namespace xinan::alerts {
namespace {

// The alerts' columns, with the resident's name only while the resident is in `scope` too (a
// resident moved to a sibling unit keeps the alert here, but not the name), and the name of the
// unit where the alert was raised.
std::string SelectAlerts(const security::Scope& scope, store::Params& p) {
  return "SELECT l.id, l.assessment_id, l.person_id, l.unit_id, l.unit_path, l.origin_unit_path, "
         "l.level, l.status, l.outcome, a.scale_code, l.deadline, l.created_at, l.updated_at, l.version, "
         "l.escalations, r.name, (a.respondent_name IS NOT NULL OR a.respondent_phone_enc IS NOT NULL), "
         "ou.name FROM alerts l JOIN assessments a ON a.id = l.assessment_id "
         "JOIN org_units ou ON ou.id = a.unit_id "
         "LEFT JOIN people r ON r.id = l.person_id AND " + scope.Condition("r.unit_path", p);
}
constexpr const char* kOutcomes[] = {"contacted_safe", "referred", "case_opened", "unreachable", "false_positive"};

Alert FromRow(const store::Row& r) {
  Alert a;
  a.id = r.Text(0);
  a.assessment_id = r.Text(1);
  a.person_id = r.Text(2);
  a.unit_id = r.Text(3);
  a.unit_path = r.Text(4);
  a.origin_unit_path = r.Text(5);
  a.level = r.Text(6);
  a.status = r.Text(7);
  a.outcome = r.Text(8);
  a.scale_code = r.Text(9);
  a.deadline = r.Int(10);
  a.created_at = r.Int(11);
  a.updated_at = r.Int(12);
  a.version = r.Int(13);
  a.escalations = static_cast<int>(r.Int(14));
  a.person_name = r.IsNull(15) ? "" : r.Text(15);
  a.respondent_identified = r.Int(16) != 0;
  a.origin_unit_name = r.Text(17);
  return a;
}

std::string Next(store::Params& p, store::SqlValue v) {
  p.push_back(std::move(v));
  return "$" + std::to_string(p.size());
}

// An alert is the business of the unit whose inbox holds it and of the unit where it was raised,
// with the units between them: escalation brings in the parent, it does not take the alert away
// from the village that knows the person (BRIEF §3.2).
std::string AlertInScope(const security::Scope& scope, store::Params& p) {
  return "(" + scope.Condition("l.unit_path", p) + " OR " + scope.Condition("l.origin_unit_path", p) + ")";
}

Result<Alert> Load(store::Connection& c, const security::Scope& scope, const std::string& id) {
  store::Params p{id};
  XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
      SelectAlerts(scope, p) + " WHERE l.id = $1 AND " + AlertInScope(scope, p), p));
  if (rows.empty()) return Status::NotFound();
  return FromRow(rows[0]);
}

}  // namespace

Status AlertFilter::Validate() const {
  static constexpr const char* kStatuses[] = {"", "all", "new", "acknowledged", "in_progress", "closed"};
  if (std::none_of(std::begin(kStatuses), std::end(kStatuses), [&](const char* s) { return status == s; })) {
    return Status::InvalidField("status", "status_invalid");
  }
  if (!level.empty() && !ParseAlertLevel(level)) return Status::InvalidField("level", "level_invalid");
  return Status::Ok();
}

bool IsOutcome(const std::string& code) {
  return std::any_of(std::begin(kOutcomes), std::end(kOutcomes), [&](const char* o) { return code == o; });
}

Result<AlertPage> AlertStore::List(const security::Scope& scope, const AlertFilter& f, int64_t now) {
  XINAN_RETURN_IF_ERROR(f.Validate());
  AlertPage page;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    store::Params p;
    std::string where = " WHERE " + AlertInScope(scope, p);
    std::string counts_where = where;
    store::Params counts_params = p;
    if (f.status.empty()) where += " AND l.status <> 'closed'";
    else if (f.status != "all") where += " AND l.status = " + Next(p, f.status);
    if (!f.level.empty()) where += " AND l.level = " + Next(p, f.level);
    XINAN_ASSIGN_OR_RETURN(store::Rows count, c.Query("SELECT COUNT(*) FROM alerts l" + where, p));
    page.total = count[0].Int(0);
    std::string due = Next(counts_params, now);
    XINAN_ASSIGN_OR_RETURN(store::Rows levels, c.Query(
        "SELECT l.level, COUNT(*), SUM(CASE WHEN l.status = 'new' AND l.deadline <= " + due +
            " THEN 1 ELSE 0 END) FROM alerts l" + counts_where + " AND l.status <> 'closed' GROUP BY l.level",
        counts_params));
    for (const auto& r : levels) {
      (r.Text(0) == "red" ? page.red : r.Text(0) == "orange" ? page.orange : page.yellow) = r.Int(1);
      page.overdue += r.Int(2);
    }
    std::string overdue = Next(p, now);
    std::string order = " ORDER BY CASE WHEN l.status = 'new' AND l.deadline <= " + overdue +
                        " THEN 0 ELSE 1 END, l.level_rank DESC, l.created_at DESC, l.id DESC";
    std::string limit = Next(p, int64_t{f.limit});
    std::string offset = Next(p, int64_t{f.offset});
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        SelectAlerts(scope, p) + where + order + " LIMIT " + limit + " OFFSET " + offset, p));
    for (const auto& r : rows) page.items.push_back(FromRow(r));
    return Status::Ok();
  }));
  return page;
}

Result<Alert> AlertStore::Get(const security::Actor& actor, const security::Scope& scope,
                              const std::string& id) {
  std::optional<Alert> out;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(out, Load(w.conn(), scope, id));
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, w.conn().Query(
        "SELECT at, actor, action, detail FROM alert_events WHERE alert_id = $1 ORDER BY seq", {id}));
    for (const auto& r : rows) out->timeline.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3)});
    return w.Audit(actor.Event("alert.read", "alert", id, out->person_id));
  }));
  return *out;
}

Result<RespondentContact> AlertStore::Respondent(const security::Actor& actor, const security::Scope& scope,
                                                const std::string& id) {
  RespondentContact out;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(Alert a, Load(w.conn(), scope, id));
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, w.conn().Query(
        "SELECT respondent_name, respondent_phone_enc FROM assessments WHERE id = $1", {a.assessment_id}));
    out.name = rows.empty() ? "" : rows[0].Text(0);
    if (!rows.empty() && !rows[0].IsNull(1) && cipher_) {
      XINAN_ASSIGN_OR_RETURN(out.phone, cipher_->Decrypt(rows[0].Text(1)));
    }
    return w.Audit(actor.Event("alert.respondent_read", "alert", id, a.person_id));
  }));
  return out;
}

Result<Alert> AlertStore::Transition(const security::Actor& actor, const security::Scope& scope,
                                     const std::string& id, const std::vector<std::string>& from,
                                     const std::string& to, const std::string& action,
                                     const std::string& outcome, const std::string& note) {
  std::optional<Alert> out;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(Alert a, Load(w.conn(), scope, id));
    if (std::find(from.begin(), from.end(), a.status) == from.end()) return Status::Conflict("alert_state");
    int64_t now = w.NowMillis();
    XINAN_ASSIGN_OR_RETURN(int64_t n, w.conn().Exec(
        "UPDATE alerts SET status = $1, outcome = $2, updated_at = $3, version = version + 1 "
        "WHERE id = $4 AND version = $5",
        {to, store::TextOrNull(outcome), now, id, a.version}));
    if (n == 0) return Status::Conflict("version_conflict");
    XINAN_RETURN_IF_ERROR(w.conn().Exec(kInsertAlertEvent, {security::NewId(), id, now, actor.username, action,
                                                       store::TextOrNull(outcome.empty() ? note : outcome + (note.empty() ? "" : ": " + note))}).status());
    XINAN_RETURN_IF_ERROR(w.Audit(actor.Event("alert." + action, "alert", id, a.person_id)));
    XINAN_ASSIGN_OR_RETURN(out, Load(w.conn(), scope, id));
    return Status::Ok();
  }));
  return *out;
}

Result<Alert> AlertStore::Acknowledge(const security::Actor& actor, const security::Scope& scope,
                                      const std::string& id) {
  return Transition(actor, scope, id, {"new"}, "acknowledged", "acknowledged", "", "");
}

Result<Alert> AlertStore::Start(const security::Actor& actor, const security::Scope& scope,
                                const std::string& id) {
  return Transition(actor, scope, id, {"acknowledged"}, "in_progress", "started", "", "");
}

Result<Alert> AlertStore::Close(const security::Actor& actor, const security::Scope& scope,
                                const std::string& id, const std::string& outcome,
                                const std::string& note) {
  if (!IsOutcome(outcome)) return Status::InvalidField("outcome", "outcome_invalid");
  return Transition(actor, scope, id, {"new", "acknowledged", "in_progress"}, "closed", "closed",
                    outcome, note);
}

Status AlertStore::TransferOpen(store::WriteContext& w, const security::Actor& actor,
                                const people::ResidentMove& to) {
  const std::string& person_id = to.person_id;
  XINAN_ASSIGN_OR_RETURN(store::Rows open, w.conn().Query(
      "SELECT l.id, l.level, u.name FROM alerts l JOIN org_units u ON u.id = l.unit_id "
      "WHERE l.person_id = $1 AND l.status <> 'closed'", {person_id}));
  const int64_t now = w.NowMillis();
  for (const auto& a : open) {
    const std::string& id = a.Text(0);
    XINAN_RETURN_IF_ERROR(w.conn().Exec(
        "UPDATE alerts SET unit_id = $1, unit_path = $2, origin_unit_path = $2, updated_at = $3, "
        "version = version + 1 WHERE id = $4", {to.unit_id, to.unit_path, now, id}).status());
    XINAN_RETURN_IF_ERROR(w.conn().Exec(kInsertAlertEvent, {security::NewId(), id, now, actor.username,
                                                       "transferred", a.Text(2) + " → " + to.unit_name}).status());
    XINAN_RETURN_IF_ERROR(w.Audit(actor.Event("alert.transfer", "alert", id, person_id)));
    XINAN_RETURN_IF_ERROR(w.conn().Exec(kInsertNotification, {security::NewId(), to.unit_id,
                                                             "alert_transferred", id, a.Text(1), now}).status());
  }
  return Status::Ok();
}

Result<int> AlertStore::EscalateDue(int64_t now, int limit) {
  struct Escalated {
    std::string alert_id, unit_code, level;
  };
  std::vector<Escalated> escalated;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    escalated.clear();
    // Each due alert with its unit and the unit above it (the escalation target). Alerts at the
    // top of the tree have no parent and stay in the district's inbox, overdue; the join leaves
    // them out, or 500 of them would fill every run and nothing below would escalate again.
    XINAN_ASSIGN_OR_RETURN(store::Rows due, w.conn().Query(
        "SELECT a.id, a.level, a.version, a.person_id, u.name, pu.id, pu.code, pu.name, pu.path "
        "FROM alerts a JOIN org_units u ON u.path = a.unit_path JOIN org_units pu ON pu.id = u.parent_id "
        "WHERE a.status = 'new' AND a.deadline <= $1 ORDER BY a.deadline LIMIT $2", {now, int64_t{limit}}));
    security::Actor system = security::Actor::System("escalation");
    for (const auto& r : due) {
      const std::string& id = r.Text(0);
      const std::string& level = r.Text(1);
      const std::string& parent_id = r.Text(5);
      auto rank = ParseAlertLevel(level).value_or(AlertLevel::kYellow);
      XINAN_ASSIGN_OR_RETURN(int64_t n, w.conn().Exec(
          "UPDATE alerts SET unit_id = $1, unit_path = $2, deadline = $3, escalations = escalations + 1, "
          "updated_at = $4, version = version + 1 WHERE id = $5 AND version = $6 AND status = 'new'",
          {parent_id, r.Text(8), AckDeadline(rank, now, deadlines_), now, id, r.Int(2)}));
      if (n == 0) continue;  // another instance got there first
      // The timeline's words: the units' names at the time, e.g. "东湖村 → 清溪镇".
      XINAN_RETURN_IF_ERROR(w.conn().Exec(kInsertAlertEvent, {security::NewId(), id, now, system.username,
                                                         "escalated", r.Text(4) + " → " + r.Text(7)}).status());
      XINAN_RETURN_IF_ERROR(w.Audit(system.Event("alert.escalate", "alert", id, r.Text(3))));
      XINAN_RETURN_IF_ERROR(w.conn().Exec(kInsertNotification, {security::NewId(), parent_id,
                                                               "alert_escalated", id, level, now}).status());
      escalated.push_back({id, r.Text(6), level});
    }
    return Status::Ok();
  }));
  if (notifier_) {
    for (const auto& e : escalated) notifier_->Notify("alert_escalated", e.unit_code, e.alert_id, e.level);
  }
  return static_cast<int>(escalated.size());
}

}  // namespace xinan::alerts

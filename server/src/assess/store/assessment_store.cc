#include "assess/store/assessment_store.h"

#include "common/json.h"
#include "people/domain/person.h"
#include "security/tokens.h"

#include "alerts/store/alert_events.h"

namespace xinan::assess {
namespace {

constexpr const char* kInsertAssessment =
    "INSERT INTO assessments (id, unit_id, unit_path, person_id, scale_code, scale_version, answers, "
    "raw_score, total_score, band, positive, critical, source, created_by, created_at) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";
constexpr const char* kInsertAlert =
    "INSERT INTO alerts (id, assessment_id, person_id, unit_id, unit_path, origin_unit_path, level, "
    "level_rank, status, deadline, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5, $6, $7, "
    "'new', $8, $9, $9)";

std::string AnswersJson(const Answers& a) {
  json::object o;
  for (const auto& [id, v] : a) o[id] = v;
  return json::serialize(o);
}

Result<std::optional<double>> PreviousTotal(store::Connection& c, const std::string& person_id,
                                            const std::string& scale) {
  if (person_id.empty()) return std::optional<double>();
  XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
      "SELECT total_score FROM assessments WHERE person_id = $1 AND scale_code = $2 "
      "ORDER BY created_at DESC LIMIT 1", {person_id, scale}));
  if (rows.empty()) return std::optional<double>();
  return std::optional<double>(rows[0].Real(0));
}

}  // namespace

Result<StoredAssessment> AssessmentStore::Store(const security::Actor& actor, const Submission& s,
                                                const Target& t, store::WriteContext& w) {
  const Scale* scale = scales_.Latest(s.scale_code);
  if (!scale) return Status::InvalidField("scaleCode", "scale_unknown");
  XINAN_ASSIGN_OR_RETURN(ScoreResult score, Score(*scale, s.answers));
  XINAN_ASSIGN_OR_RETURN(auto previous, PreviousTotal(w.conn(), t.person_id, scale->code));
  StoredAssessment out{security::NewId(), t.person_id, t.unit_id, scale->code, scale->version, score,
                       w.NowMillis(), std::nullopt, std::nullopt};
  XINAN_RETURN_IF_ERROR(w.conn().Exec(kInsertAssessment, {
      out.id, t.unit_id, t.unit_path, store::TextOrNull(t.person_id), scale->code, scale->version,
      AnswersJson(s.answers), score.raw, score.total, score.band, int64_t{score.positive},
      int64_t{score.critical()}, s.source, store::TextOrNull(actor.user_id), out.created_at}).status());
  XINAN_RETURN_IF_ERROR(w.Audit(actor.Event("assessment.create", "assessment", out.id, t.person_id)));
  auto eval = alerts::Evaluate(alerts::DefaultRules(),
                               {scale->code, score.total, previous, score.critical(), t.tags});
  if (!eval) return out;
  out.alert_id = security::NewId();
  out.alert_level = eval->level;
  int64_t deadline = alerts::AckDeadline(eval->level, out.created_at, deadlines_);
  XINAN_RETURN_IF_ERROR(w.conn().Exec(kInsertAlert, {
      *out.alert_id, out.id, store::TextOrNull(t.person_id), t.unit_id, t.unit_path,
      alerts::LevelCode(eval->level), int64_t{static_cast<int>(eval->level)}, deadline,
      out.created_at}).status());
  XINAN_RETURN_IF_ERROR(w.conn().Exec(alerts::kInsertAlertEvent, {security::NewId(), *out.alert_id, out.created_at,
                                                     actor.username, "raised", scale->code}).status());
  XINAN_RETURN_IF_ERROR(w.Audit(actor.Event("alert.raise", "alert", *out.alert_id, t.person_id)));
  return out;
}

Result<StoredAssessment> AssessmentStore::SubmitForPerson(const security::Actor& actor,
                                                          const security::Scope& scope,
                                                          const Submission& s) {
  std::optional<StoredAssessment> out;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    store::Params p{s.person_id};
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, w.conn().Query(
        "SELECT unit_id, unit_path, tags FROM people WHERE id = $1 AND " +
        scope.Condition("unit_path", p), p));
    if (rows.empty()) return Status::NotFound();
    Target t{rows[0].Text(0), rows[0].Text(1), s.person_id, people::DecodeTags(rows[0].Text(2))};
    XINAN_ASSIGN_OR_RETURN(out, Store(actor, s, t, w));
    return Status::Ok();
  }));
  return *out;
}

Result<StoredAssessment> AssessmentStore::SubmitAnonymous(const security::Actor& actor,
                                                          const Submission& s) {
  std::optional<StoredAssessment> out;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, w.conn().Query(
        "SELECT id, path FROM org_units WHERE code = $1 AND active = 1", {s.unit_code}));
    if (rows.empty()) return Status::NotFound();
    Target t{rows[0].Text(0), rows[0].Text(1), "", {}};
    XINAN_ASSIGN_OR_RETURN(out, Store(actor, s, t, w));
    return Status::Ok();
  }));
  return *out;
}

Result<std::vector<StoredAssessment>> AssessmentStore::History(const security::Scope& scope,
                                                               const std::string& person_id) {
  std::vector<StoredAssessment> out;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    store::Params p{person_id};
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        "SELECT a.id, a.unit_id, a.scale_code, a.scale_version, a.raw_score, a.total_score, a.band, "
        "a.positive, a.critical, a.created_at, l.id, l.level FROM assessments a "
        "LEFT JOIN alerts l ON l.assessment_id = a.id WHERE a.person_id = $1 AND " +
        scope.Condition("a.unit_path", p) + " ORDER BY a.created_at DESC", p));
    for (const auto& r : rows) {
      StoredAssessment a;
      a.id = r.Text(0);
      a.person_id = person_id;
      a.unit_id = r.Text(1);
      a.scale_code = r.Text(2);
      a.scale_version = r.Text(3);
      a.score.raw = r.Real(4);
      a.score.total = r.Real(5);
      a.score.band = r.Text(6);
      a.score.positive = r.Int(7) != 0;
      if (r.Int(8) != 0) a.score.critical_items.push_back("*");
      a.created_at = r.Int(9);
      if (!r.IsNull(10)) {
        a.alert_id = r.Text(10);
        a.alert_level = alerts::ParseAlertLevel(r.Text(11));
      }
      out.push_back(std::move(a));
    }
    return Status::Ok();
  }));
  return out;
}

}  // namespace xinan::assess

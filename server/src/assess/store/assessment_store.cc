#include "assess/store/assessment_store.h"

#include <algorithm>
#include <cctype>

#include "campaigns/store/campaign_store.h"
#include "org/store/hotline_sql.h"
#include "common/json.h"
#include "people/domain/id_number.h"
#include "people/domain/person.h"
#include "people/domain/phone.h"
#include "security/tokens.h"

#include "alerts/store/alert_events.h"

namespace xinan::assess {
namespace {

constexpr const char* kInsertAssessment =
    "INSERT INTO assessments (id, unit_id, unit_path, person_id, scale_code, scale_version, answers, "
    "raw_score, total_score, band, positive, critical, source, created_by, created_at, campaign_id, "
    "respondent_name, respondent_phone_enc, respondent_phone_bidx, respondent_key) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)";
constexpr const char* kInsertAlert =
    "INSERT INTO alerts (id, assessment_id, person_id, unit_id, unit_path, origin_unit_path, level, "
    "level_rank, status, deadline, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5, $6, $7, "
    "'new', $8, $9, $9)";

Result<std::optional<double>> PreviousTotal(store::Connection& c, const std::string& person_id,
                                            const std::string& scale) {
  if (person_id.empty()) return std::optional<double>();
  XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
      "SELECT total_score FROM assessments WHERE person_id = $1 AND scale_code = $2 "
      "ORDER BY created_at DESC LIMIT 1", {person_id, scale}));
  if (rows.empty()) return std::optional<double>();
  return std::optional<double>(rows[0].Real(0));
}

constexpr const char* kSelectOne =
    "SELECT a.id, a.unit_id, a.person_id, a.scale_code, a.scale_version, a.answers, a.raw_score, "
    "a.total_score, a.band, a.positive, a.source, a.created_at, l.id, l.level, a.campaign_id, a.critical "
    "FROM assessments a LEFT JOIN alerts l ON l.assessment_id = a.id WHERE a.id = $1 AND ";

}  // namespace

bool IsRespondentToken(const std::string& token) {
  if (token.size() < 16 || token.size() > 64) return false;
  return std::all_of(token.begin(), token.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return std::isalnum(c) || c == '-' || c == '_';
  });
}

Result<StoredAssessment> AssessmentStore::Get(const security::Actor& actor, const security::Scope& scope,
                                              const std::string& id) {
  std::optional<StoredAssessment> out;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    store::Params p{id};
    // Taken in the scope (the results list shows it), or part of the record of a resident in it.
    // (A break-glass grant reaches only the resident's record, which resident_here covers.)
    std::string taken_here = scope.Condition("a.unit_path", p);
    std::string resident_here = scope.ResidentCondition("a.person_id", w.NowMillis(), p);
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, w.conn().Query(
        std::string(kSelectOne) + "(" + taken_here + " OR " + resident_here + ")", p));
    if (rows.empty()) return Status::NotFound();
    const store::Row& r = rows[0];
    StoredAssessment a;
    a.id = r.Text(0);
    a.unit_id = r.Text(1);
    a.person_id = r.Text(2);
    a.scale_code = r.Text(3);
    a.scale_version = r.Text(4);
    XINAN_ASSIGN_OR_RETURN(a.answers, DecodeAnswers(r.Text(5)));
    if (const Scale* s = scales_.Find(a.scale_code, a.scale_version)) {
      auto rescored = Score(*s, a.answers);
      if (rescored.ok()) a.score = *rescored;
    }
    a.score.raw = r.Real(6);
    a.score.total = r.Real(7);
    a.score.band = r.Text(8);
    a.score.positive = r.Int(9) != 0;
    a.source = r.Text(10);
    a.created_at = r.Int(11);
    if (!r.IsNull(12)) {
      a.alert_id = r.Text(12);
      a.alert_level = alerts::ParseAlertLevel(r.Text(13));
    }
    a.campaign_id = r.Text(14);
    a.score.stored_critical = r.Int(15) != 0;
    out = std::move(a);
    return w.Audit(actor.Event("assessment.read", "assessment", id, out->person_id));
  }));
  return *out;
}

std::string EncodeAnswers(const Answers& a) {
  json::object o;
  for (const auto& [id, v] : a) o[id] = v;
  return json::serialize(o);
}

Result<Answers> DecodeAnswers(const std::string& stored) {
  XINAN_ASSIGN_OR_RETURN(json::object o, ParseObject(stored));
  Answers a;
  for (const auto& [id, v] : o) {
    if (v.is_int64()) a[std::string(id)] = static_cast<int>(v.as_int64());
  }
  return a;
}

Status ValidateRespondent(Respondent& r, const std::string& today) {
  std::vector<FieldError> errs;
  r.phone = people::NormalizePhone(r.phone);
  r.id_number = people::NormalizeIdNumber(r.id_number);
  if (r.name.empty()) errs.push_back({"respondent.name", "required"});
  else if (r.name.size() > 100) errs.push_back({"respondent.name", "name_too_long"});
  if (r.phone.empty()) errs.push_back({"respondent.phone", "required"});
  else if (Status ph = people::ValidatePhone(r.phone, "respondent.phone"); !ph.ok()) errs.push_back(ph.fields().at(0));
  if (!r.id_number.empty()) {
    Status id = people::ValidateIdNumber(r.id_number, today, "respondent.idNumber");
    if (!id.ok()) errs.push_back(id.fields().at(0));
  }
  if (errs.empty()) return Status::Ok();
  return Status::Invalid("validation_failed", std::move(errs));
}

Result<AssessmentStore::Prepared> AssessmentStore::Prepare(const Submission& s) const {
  Prepared p;
  p.scale = scales_.Latest(s.scale_code);
  if (!p.scale) return Status::InvalidField("scaleCode", "scale_unknown");
  XINAN_ASSIGN_OR_RETURN(p.score, Score(*p.scale, s.answers));
  p.answers = EncodeAnswers(s.answers);
  std::string phone = people::NormalizePhone(s.respondent.phone);
  if (!phone.empty()) {
    p.phone_bidx = cipher_.BlindIndex("phone", phone);
    p.phone_enc = cipher_.Encrypt(phone);
  }
  return p;
}

Result<StoredAssessment> AssessmentStore::Store(const security::Actor& actor, const Submission& s,
                                                const Result<Prepared>& prepared, const Target& t,
                                                const std::vector<alerts::WarningRule>& rules,
                                                store::WriteContext& w) {
  XINAN_RETURN_IF_ERROR(prepared.status());
  const Scale* scale = prepared->scale;
  const ScoreResult& score = prepared->score;
  XINAN_ASSIGN_OR_RETURN(auto previous, PreviousTotal(w.conn(), t.person_id, scale->code));
  StoredAssessment out;
  out.id = security::NewId();
  out.person_id = t.person_id;
  out.unit_id = t.unit_id;
  out.scale_code = scale->code;
  out.scale_version = scale->version;
  out.score = score;
  out.source = s.source;
  out.campaign_id = s.campaign_id;
  out.created_at = w.NowMillis();
  out.unit_name = t.unit_name;
  out.hotline = t.hotline;
  const std::string& phone_bidx = prepared->phone_bidx;
  // One respondent: the person, else the phone's blind index, else the visit's token, else this
  // response alone.
  std::string respondent_key = !t.person_id.empty()        ? t.person_id
                               : !phone_bidx.empty()        ? phone_bidx
                               : !s.respondent_token.empty() ? "t:" + s.respondent_token
                                                             : out.id;
  XINAN_RETURN_IF_ERROR(w.conn().Exec(kInsertAssessment, {
      out.id, t.unit_id, t.unit_path, store::TextOrNull(t.person_id), scale->code, scale->version,
      prepared->answers, score.raw, score.total, score.band, int64_t{score.positive},
      int64_t{score.critical()}, s.source, store::TextOrNull(actor.user_id), out.created_at,
      store::TextOrNull(s.campaign_id), store::TextOrNull(s.respondent.name),
      phone_bidx.empty() ? store::Null() : prepared->phone_enc,
      store::TextOrNull(phone_bidx), respondent_key}).status());
  XINAN_RETURN_IF_ERROR(w.Audit(actor.Event("assessment.create", "assessment", out.id, t.person_id)));
  auto eval = alerts::Evaluate(rules, {scale->code, score.total, previous, score.critical(), t.tags});
  if (!eval) return out;
  out.alert_id = security::NewId();
  out.alert_level = eval->level;
  std::string level = alerts::LevelCode(eval->level);
  int64_t deadline = alerts::AckDeadline(eval->level, out.created_at, deadlines_);
  XINAN_RETURN_IF_ERROR(w.conn().Exec(kInsertAlert, {
      *out.alert_id, out.id, store::TextOrNull(t.person_id), t.unit_id, t.unit_path, level,
      int64_t{static_cast<int>(eval->level)}, deadline, out.created_at}).status());
  XINAN_RETURN_IF_ERROR(w.conn().Exec(alerts::kInsertAlertEvent, {security::NewId(), *out.alert_id,
                                                                  out.created_at, actor.username, "raised",
                                                                  scale->code}).status());
  XINAN_RETURN_IF_ERROR(w.conn().Exec(alerts::kInsertNotification, {security::NewId(), t.unit_id, "alert_raised",
                                                                    *out.alert_id, level, out.created_at}).status());
  XINAN_RETURN_IF_ERROR(w.Audit(actor.Event("alert.raise", "alert", *out.alert_id, t.person_id)));
  return out;
}

void AssessmentStore::NotifyRaised(const StoredAssessment& a, const Target& t) {
  if (notifier_ && a.alert_id) {
    notifier_->Notify("alert_raised", t.unit_code, *a.alert_id, alerts::LevelCode(*a.alert_level));
  }
}

Result<StoredAssessment> AssessmentStore::SubmitForPerson(const security::Actor& actor,
                                                          const security::Scope& scope,
                                                          const Submission& s) {
  XINAN_ASSIGN_OR_RETURN(auto rules, rules_.Active());
  Result<Prepared> prepared = Prepare(s);
  std::optional<StoredAssessment> out;
  Target t;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    store::Params p{s.person_id};
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, w.conn().Query(
        "SELECT p.unit_id, p.unit_path, p.tags, u.name, u.code, " + org::EffectiveHotline("u") + " FROM people p "
        "JOIN org_units u ON u.id = p.unit_id WHERE p.id = $1 AND " + scope.Condition("p.unit_path", p), p));
    if (rows.empty()) return Status::NotFound();
    t = Target{rows[0].Text(0), rows[0].Text(1), s.person_id, people::DecodeTags(rows[0].Text(2)),
               rows[0].Text(3), rows[0].Text(4), rows[0].Text(5), ""};
    XINAN_ASSIGN_OR_RETURN(out, Store(actor, s, prepared, t, *rules, w));
    return Status::Ok();
  }));
  NotifyRaised(*out, t);
  return *out;
}

Result<AssessmentStore::Target> AssessmentStore::SelfTarget(store::Connection& c, const Submission& s) {
  XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
      "SELECT u.id, u.path, u.name, u.code, " + org::EffectiveHotline("u") +
      " FROM org_units u WHERE u.code = $1 AND u.active = 1", {s.unit_code}));
  if (rows.empty()) return Status::NotFound();
  Target link{rows[0].Text(0), rows[0].Text(1), "", {}, rows[0].Text(2), rows[0].Text(3), rows[0].Text(4),
              rows[0].Text(1)};
  if (s.respondent.id_number.empty()) return link;
  // A registered resident only when the name matches the ID number too, so that an ID number
  // alone files nothing in a stranger's record. The help shown stays the link's: the answer
  // must not tell a caller whether, or where, an ID number is registered.
  XINAN_ASSIGN_OR_RETURN(store::Rows person, c.Query(
      "SELECT p.id, p.unit_id, p.unit_path, p.tags, u.code FROM people p "
      "JOIN org_units u ON u.id = p.unit_id WHERE p.id_number_bidx = $1 AND p.name = $2",
      {cipher_.BlindIndex("id_number", s.respondent.id_number), s.respondent.name}));
  if (person.empty()) return link;
  const store::Row& r = person[0];
  return Target{r.Text(1), r.Text(2), r.Text(0), people::DecodeTags(r.Text(3)), link.unit_name, r.Text(4),
                link.hotline, link.link_path};
}

Result<StoredAssessment> AssessmentStore::SubmitSelf(const security::Actor& actor, Submission s) {
  s.source = "self";
  XINAN_ASSIGN_OR_RETURN(auto rules, rules_.Active());
  Result<Prepared> prepared = Prepare(s);
  std::optional<StoredAssessment> out;
  Target t;
  bool show_result = true;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    if (s.respondent.identified()) {
      XINAN_RETURN_IF_ERROR(ValidateRespondent(s.respondent, ShanghaiDate(w.NowMillis())));
    }
    XINAN_ASSIGN_OR_RETURN(t, SelfTarget(w.conn(), s));
    if (!s.campaign_id.empty()) {
      XINAN_ASSIGN_OR_RETURN(campaigns::CampaignGate gate, campaigns::CheckCampaign(
          w.conn(), s.campaign_id, t.link_path, s.scale_code, ShanghaiDate(w.NowMillis())));
      show_result = gate.show_result;
    }
    XINAN_ASSIGN_OR_RETURN(out, Store(actor, s, prepared, t, *rules, w));
    return Status::Ok();
  }));
  out->show_result = show_result;
  NotifyRaised(*out, t);
  return *out;
}

Result<std::vector<StoredAssessment>> AssessmentStore::History(const security::Actor& actor,
                                                               const security::Scope& scope,
                                                               const std::string& person_id,
                                                               int64_t now_millis) {
  std::vector<StoredAssessment> out;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    store::Connection& c = w.conn();
    out.clear();
    store::Params p{person_id};
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        "SELECT a.id, a.unit_id, a.scale_code, a.scale_version, a.raw_score, a.total_score, a.band, "
        "a.positive, a.critical, a.created_at, l.id, l.level FROM assessments a "
        "LEFT JOIN alerts l ON l.assessment_id = a.id WHERE a.person_id = $1 AND " +
        scope.ResidentCondition("a.person_id", now_millis, p) + " ORDER BY a.created_at DESC", p));
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
    if (out.empty()) return Status::Ok();
    return w.Audit(actor.Event("assessment.history", "person", person_id, person_id));
  }));
  return out;
}

}  // namespace xinan::assess

#include "assess/http/assess_routes.h"

#include "assess/domain/qr_png.h"
#include "assess/domain/qr_svg.h"

#include "common/clock.h"
#include "common/json.h"
#include "common/messages.h"
#include "http/reply.h"
#include "identity/domain/roles.h"

namespace xinan::assess {
namespace {

using http::ActorOf;
using http::Request;
using http::Response;
using http::ScopeOf;

json::object TextJson(const Text& t) { return {{"zh-CN", t.zh}, {"en", t.en}}; }

json::array BandsJson(const Scale& s) {
  json::array out;
  for (const auto& b : s.bands) {
    out.push_back({{"min", b.min}, {"max", b.max}, {"code", b.code}, {"label", TextJson(b.label)},
                   {"positive", b.positive}});
  }
  return out;
}

// A scale's form; the list carries the bands too (the record's charts shade them).
json::object ScaleJson(const Scale& s, bool with_items) {
  json::object o{{"code", s.code}, {"version", s.version}, {"name", TextJson(s.name)},
                 {"license", s.license}, {"itemCount", s.items.size()}, {"bands", BandsJson(s)}};
  if (!with_items) return o;
  // The instructions set the time frame ("在过去两周里…"): shown above the first question.
  if (!s.instructions.zh.empty() || !s.instructions.en.empty()) o["instructions"] = TextJson(s.instructions);
  json::array items;
  for (const auto& i : s.items) {
    json::array options;
    for (const auto& opt : i.options) options.push_back({{"value", opt.value}, {"label", TextJson(opt.label)}});
    items.push_back({{"id", i.id}, {"text", TextJson(i.text)}, {"options", options}});
  }
  o["items"] = std::move(items);
  return o;
}

const Band* BandOf(const Scale& s, const std::string& code) {
  for (const auto& b : s.bands) if (b.code == code) return &b;
  return nullptr;
}

json::object ResultJson(const StoredAssessment& a, const ScaleLibrary& lib) {
  json::object o{{"id", a.id}, {"scaleCode", a.scale_code}, {"scaleVersion", a.scale_version},
                 {"total", WholeOrReal(a.score.total)}, {"raw", WholeOrReal(a.score.raw)}, {"band", a.score.band},
                 {"positive", a.score.positive}, {"critical", a.score.critical()},
                 {"createdAt", FormatInstant(a.created_at)}};
  if (const Scale* s = lib.Find(a.scale_code, a.scale_version)) {
    if (const Band* b = BandOf(*s, a.score.band)) o["bandLabel"] = TextJson(b->label);
  }
  if (a.alert_id) {
    o["alert"] = {{"id", *a.alert_id}, {"level", alerts::LevelCode(*a.alert_level)}};
  }
  return o;
}

Result<Submission> ParseSubmission(const json::object& body) {
  Submission s;
  XINAN_ASSIGN_OR_RETURN(s.scale_code, RequiredString(body, "scaleCode"));
  auto it = body.find("answers");
  if (it == body.end() || !it->value().is_object()) return Status::InvalidField("answers", "required");
  for (const auto& [id, v] : it->value().as_object()) {
    std::optional<int> value = IntIfInRange(v);
    if (!value) return Status::InvalidField("answers." + std::string(id), "answer_out_of_range");
    s.answers[std::string(id)] = *value;
  }
  return s;
}

Result<Respondent> ParseRespondent(const json::object& body) {
  Respondent r;
  auto it = body.find("respondent");
  if (it == body.end() || it->value().is_null()) return r;
  if (!it->value().is_object()) return Status::InvalidField("respondent", "type_object");
  const json::object& o = it->value().as_object();
  XINAN_ASSIGN_OR_RETURN(r.name, StringOrEmpty(o, "name"));
  XINAN_ASSIGN_OR_RETURN(r.phone, StringOrEmpty(o, "phone"));
  XINAN_ASSIGN_OR_RETURN(r.id_number, StringOrEmpty(o, "idNumber"));
  return r;
}

Response ListScales(AssessmentStore& st, Request& req) {
  json::array out;
  for (const Scale* s : st.scales().LatestAll()) out.push_back(ScaleJson(*s, false));
  return http::Json(200, out);
}

Response GetScale(AssessmentStore& st, Request& req) {
  const Scale* s = st.scales().Latest(req.Param("code"));
  if (!s) return http::Problem(Status::NotFound(), req);
  return http::Json(200, ScaleJson(*s, true));
}

Response Submit(AssessmentStore& st, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(Submission s, ParseSubmission(body));
    s.person_id = req.Param("id");
    XINAN_ASSIGN_OR_RETURN(StoredAssessment a, st.SubmitForPerson(ActorOf(req), ScopeOf(req), s));
    return http::Created(ResultJson(a, st.scales()), "/api/v1/people/" + s.person_id + "/assessments");
  });
}

json::object ResultRowJson(const ResultRow& r, const ScaleLibrary& lib) {
  json::object o{{"id", r.id}, {"unitName", r.unit_name}, {"scaleCode", r.scale_code},
                 {"total", WholeOrReal(r.total)}, {"band", r.band}, {"positive", r.positive},
                 {"critical", r.critical}, {"source", r.source}, {"createdAt", FormatInstant(r.created_at)}};
  if (const Scale* s = lib.Find(r.scale_code, r.scale_version)) {
    if (const Band* b = BandOf(*s, r.band)) o["bandLabel"] = TextJson(b->label);
  }
  if (!r.person_id.empty()) o["person"] = {{"id", r.person_id}, {"name", r.person_name}};
  if (!r.respondent_name.empty()) o["respondent"] = {{"name", r.respondent_name}, {"phoneMasked", r.phone_masked}};
  if (!r.campaign_name.empty()) o["campaignName"] = r.campaign_name;
  if (!r.alert_level.empty()) o["alertLevel"] = r.alert_level;
  return o;
}

// Every result of the units in scope (scale, source, concerning=true, identified=true, paging).
Response ListResults(AssessmentStore& st, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(http::Paging paging, http::ParsePaging(req));
    ResultFilter f{req.Query("scale"), req.Query("source"), req.Query("concerning") == "true",
                   req.Query("identified") == "true", paging.Offset(), paging.page_size};
    XINAN_ASSIGN_OR_RETURN(ResultPage page, st.List(ScopeOf(req), f));
    json::array items;
    for (const auto& r : page.items) items.push_back(ResultRowJson(r, st.scales()));
    return http::ListResponse(std::move(items), page.total, paging);
  });
}

Response ResultRespondent(AssessmentStore& st, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(Respondent r, st.RespondentOf(ActorOf(req), ScopeOf(req), req.Param("id")));
    return http::Json(200, json::object{{"name", r.name}, {"phone", r.phone}});
  });
}

Response History(AssessmentStore& st, const Clock& clock, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(auto list, st.History(ActorOf(req), ScopeOf(req), req.Param("id"), clock.NowMillis()));
    json::array items;
    for (const auto& a : list) items.push_back(ResultJson(a, st.scales()));
    return http::Json(200, json::object{{"items", items}, {"total", list.size()}});
  });
}

json::array AnswersJson(const StoredAssessment& a, const Scale* s) {
  json::array out;
  if (!s) return out;
  for (const auto& item : s->items) {
    auto it = a.answers.find(item.id);
    if (it == a.answers.end()) continue;
    json::object row{{"itemId", item.id}, {"text", TextJson(item.text)}, {"value", it->second}};
    for (const auto& opt : item.options) {
      if (opt.value == it->second) row["label"] = TextJson(opt.label);
    }
    out.push_back(std::move(row));
  }
  return out;
}


// One result for the psychological record and its printable report.
Response Detail(AssessmentStore& st, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(StoredAssessment a, st.Get(ActorOf(req), ScopeOf(req), req.Param("id")));
    json::object o = ResultJson(a, st.scales());
    o["personId"] = a.person_id;
    o["unitId"] = a.unit_id;
    o["source"] = a.source;
    o["campaignId"] = a.campaign_id;
    json::array critical;
    for (const auto& c : a.score.critical_items) critical.emplace_back(c);
    o["criticalItems"] = std::move(critical);
    if (const Scale* s = st.scales().Find(a.scale_code, a.scale_version)) {
      o["scale"] = {{"code", s->code}, {"version", s->version}, {"name", TextJson(s->name)},
                    {"instructions", TextJson(s->instructions)}, {"license", s->license}};
      o["answers"] = AnswersJson(a, s);
      o["bands"] = BandsJson(*s);
    }
    return http::Json(200, o);
  });
}

// The public self-assessment: no login, anonymous, consent required, rate-limited per address.
Response SelfAssess(AssessmentStore& st, identity::RateLimiter& limiter, const Clock& clock, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    if (!limiter.Allow(req.remote_addr, clock.NowMillis())) return Status::RateLimited("self_assessment_rate_limited");
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(auto consent, OptionalBool(body, "consent"));
    if (!consent.value_or(false)) return Status::InvalidField("consent", "consent_required");
    XINAN_ASSIGN_OR_RETURN(Submission s, ParseSubmission(body));
    XINAN_ASSIGN_OR_RETURN(s.respondent, ParseRespondent(body));
    XINAN_ASSIGN_OR_RETURN(s.campaign_id, StringOrEmpty(body, "campaignId"));
    XINAN_ASSIGN_OR_RETURN(s.respondent_token, StringOrEmpty(body, "respondentToken"));
    if (!s.respondent_token.empty() && !IsRespondentToken(s.respondent_token)) {
      return Status::InvalidField("respondentToken", "respondent_token_invalid");
    }
    s.unit_code = req.Param("code");
    security::Actor actor = security::Actor::System("self-assessment");
    actor.request_id = req.request_id;
    XINAN_ASSIGN_OR_RETURN(StoredAssessment a, st.SubmitSelf(actor, std::move(s)));
    json::object o = a.show_result ? ResultJson(a, st.scales()) : json::object{{"id", a.id}, {"scaleCode", a.scale_code}};
    o.erase("alert");  // the respondent sees the result and where to get help, not our workflow
    o["hidden"] = !a.show_result;
    o["help"] = {{"unitName", a.unit_name}, {"hotline", a.hotline}};
    o["crisis"] = a.score.critical();
    if (const Scale* sc = st.scales().Find(a.scale_code, a.scale_version)) {
      for (const auto& c : sc->critical) {
        if (std::find(a.score.critical_items.begin(), a.score.critical_items.end(), c.item) !=
            a.score.critical_items.end()) {
          o["crisisMessage"] = TextJson(c.message);
        }
      }
    }
    return http::Json(201, o);
  });
}

// "<public url>/s/<unit code>?scale=<code>[&campaign=<id>]", with the parameters checked.
Result<std::string> SelfAssessmentLink(const std::string& public_url, const std::string& code, const Request& req) {
  constexpr const char* kSafe = "abcdefghijklmnopqrstuvwxyz0123456789_-";
  std::string scale = req.Query("scale", "phq9");
  if (scale.empty() || scale.find_first_not_of(kSafe) != std::string::npos) {
    return Status::InvalidField("scale", "scale_unknown");
  }
  std::string link = public_url + "/s/" + code + "?scale=" + scale;
  std::string campaign = req.Query("campaign");
  if (campaign.empty()) return link;
  if (campaign.find_first_not_of(kSafe) != std::string::npos) return Status::InvalidField("campaign", "not_found");
  return link + "&campaign=" + campaign;
}

// The QR code (SVG, or PNG when `png`) of a unit's self-assessment link; the SVG may carry a
// caption for a printed poster.
Response QrCode(const std::string& public_url, bool png, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    std::string code = req.Param("code");
    if (code.size() != 12 || code.find_first_not_of("0123456789") != std::string::npos) {
      return Status::NotFound();
    }
    XINAN_ASSIGN_OR_RETURN(std::string link, SelfAssessmentLink(public_url, code, req));
    Result<std::string> image = png ? QrPng(link) : QrSvg(link, req.Query("caption"));
    if (!image.ok()) return image.status();
    Response r = Response::Text(200, std::move(image).value(), png ? "image/png" : "image/svg+xml");
    r.SetHeader("Cache-Control", "public, max-age=3600");
    return r;
  });
}

}  // namespace

http::RouteTable AssessRoutes(AssessmentStore& store, const Clock& clock, int self_assessments_per_minute,
                             const std::string& public_url) {
  using http::Access;
  AssessmentStore* st = &store;
  auto limiter_owner = std::make_shared<identity::RateLimiter>(self_assessments_per_minute, 60000);
  const Clock* c = &clock;
  const std::string read = identity::kPeopleRead, write = identity::kPeopleWrite;
  return {
      {"GET", "/api/v1/scales", Access::kPublic, "", [st](Request& r) { return ListScales(*st, r); },
       "The scale library (latest version of each)", "assess", "", R"({"type":"array"})"},
      {"GET", "/api/v1/scales/{code}", Access::kPublic, "", [st](Request& r) { return GetScale(*st, r); },
       "One scale with items and options, for rendering a form", "assess", "", R"({"type":"object"})"},
      {"POST", "/api/v1/people/{id}/assessments", Access::kPermission, write,
       [st](Request& r) { return Submit(*st, r); },
       "Score and store a counsellor-administered assessment; raises its alert in the same transaction",
       "assess",
       R"({"type":"object","required":["scaleCode","answers"],"properties":{"scaleCode":{"type":"string"},"answers":{"type":"object","additionalProperties":{"type":"integer"}}}})",
       R"({"type":"object"})", 201},
      {"GET", "/api/v1/people/{id}/assessments", Access::kPermission, read,
       [st, c](Request& r) { return History(*st, *c, r); },
       "A resident's results, newest first (also under the caller's break-glass access)", "assess", "",
       R"({"type":"object"})"},
      {"GET", "/api/v1/assessments", Access::kPermission, read, [st](Request& r) { return ListResults(*st, r); },
       "Every result of the units in scope, newest first, contacts masked (scale, source, concerning, "
       "identified, paging)", "assess", "", R"({"type":"object"})"},
      {"GET", "/api/v1/assessments/{id}/respondent", Access::kPermission, write,
       [st](Request& r) { return ResultRespondent(*st, r); },
       "The contact an identified respondent left (audited as assessment.respondent_read)", "assess", "",
       R"({"type":"object"})"},
      {"GET", "/api/v1/assessments/{id}", Access::kPermission, read,
       [st](Request& r) { return Detail(*st, r); },
       "One result with answers, bands and scale text, for the psychological record and its report (audited)",
       "assess", "", R"({"type":"object"})"},
      {"GET", "/api/v1/public/units/{code}/qr.svg", Access::kPublic, "",
       [public_url](Request& r) { return QrCode(public_url, false, r); },
       "QR code (SVG) of the unit's self-assessment link (scale, campaign, caption)", "assess", "", ""},
      {"GET", "/api/v1/public/units/{code}/qr.png", Access::kPublic, "",
       [public_url](Request& r) { return QrCode(public_url, true, r); },
       "QR code (PNG) of the unit's self-assessment link (scale, campaign)", "assess", "", ""},
      {"POST", "/api/v1/public/units/{code}/assessments", Access::kPublic, "",
       [st, c, limiter_owner](Request& r) { return SelfAssess(*st, *limiter_owner, *c, r); },
       "Anonymous self-assessment by a unit's link (consent required; rate-limited)", "assess",
       R"({"type":"object","required":["scaleCode","answers","consent"],"properties":{"scaleCode":{"type":"string"},"answers":{"type":"object"},"consent":{"type":"boolean"},"campaignId":{"type":"string"},"respondentToken":{"type":"string","pattern":"^[A-Za-z0-9_-]{16,64}$"},"respondent":{"type":"object","properties":{"name":{"type":"string"},"phone":{"type":"string"},"idNumber":{"type":"string"}}}}})",
       R"({"type":"object"})", 201},
  };
}

void RegisterAssessMessages() {
  RegisterMessages({
      {"scale_unknown", "量表不存在", "Unknown scale"},
      {"answer_missing", "此题未作答", "This question has no answer"},
      {"answer_out_of_range", "答案不在选项范围内", "The answer is not one of the options"},
      {"answer_unknown_item", "量表中没有此题", "The scale has no such question"},
      {"consent_required", "请先阅读并同意知情同意书", "Please read and accept the consent first"},
      {"respondent_token_invalid", "作答标识无效，请刷新页面后重试", "Invalid respondent token; reload the page and retry"},
      {"type_object", "应为对象", "Must be an object"},
      {"self_assessment_rate_limited", "提交过于频繁，请稍后再试", "Too many submissions; please try again later"},
  });
}

}  // namespace xinan::assess

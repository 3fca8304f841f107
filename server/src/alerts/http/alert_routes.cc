#include "alerts/http/alert_routes.h"

#include "common/json.h"
#include "common/text.h"
#include "http/reply.h"
#include "identity/domain/roles.h"

namespace xinan::alerts {
namespace {

using http::ActorOf;
using http::Request;
using http::Response;
using http::ScopeOf;

json::object AlertJson(const Alert& a, int64_t now) {
  json::object o{{"id", a.id}, {"assessmentId", a.assessment_id}, {"personId", a.person_id},
                 {"unitId", a.unit_id}, {"level", a.level}, {"status", a.status}, {"outcome", a.outcome},
                 {"scaleCode", a.scale_code}, {"deadline", FormatInstant(a.deadline)},
                 {"overdue", a.status == "new" && now >= a.deadline}, {"escalations", a.escalations},
                 {"escalated", a.unit_path != a.origin_unit_path}, {"version", a.version},
                 {"createdAt", FormatInstant(a.created_at)}, {"respondentIdentified", a.respondent_identified},
                 {"originUnitName", a.origin_unit_name}};
  if (!a.person_id.empty()) o["person"] = {{"name", a.person_name}};
  if (!a.timeline.empty()) {
    json::array t;
    for (const auto& e : a.timeline) {
      t.push_back({{"at", FormatInstant(e.at)}, {"actor", e.actor}, {"action", e.action}, {"detail", e.detail}});
    }
    o["timeline"] = std::move(t);
  }
  return o;
}

Response List(AlertStore& s, const Clock& clock, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(http::Paging paging, http::ParsePaging(req));
    int64_t now = clock.NowMillis();
    AlertFilter f{req.Query("status"), req.Query("level"), paging.Offset(), paging.page_size};
    XINAN_ASSIGN_OR_RETURN(AlertPage page, s.List(ScopeOf(req), f, now));
    json::array items;
    for (const auto& a : page.items) items.push_back(AlertJson(a, now));
    json::object counts{{"red", page.red}, {"orange", page.orange}, {"yellow", page.yellow},
                        {"overdue", page.overdue}};
    return http::ListResponse(std::move(items), page.total, paging, {{"counts", std::move(counts)}});
  });
}

Response Get(AlertStore& s, const Clock& clock, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(Alert a, s.Get(ActorOf(req), ScopeOf(req), req.Param("id")));
    return http::Json(200, AlertJson(a, clock.NowMillis()));
  });
}

Response Acknowledge(AlertStore& s, const Clock& clock, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(Alert a, s.Acknowledge(ActorOf(req), ScopeOf(req), req.Param("id")));
    return http::Json(200, AlertJson(a, clock.NowMillis()));
  });
}

Response Respondent(AlertStore& s, const Clock&, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(RespondentContact c, s.Respondent(ActorOf(req), ScopeOf(req), req.Param("id")));
    return http::Json(200, json::object{{"name", c.name}, {"phone", c.phone}});
  });
}

Response Start(AlertStore& s, const Clock& clock, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(Alert a, s.Start(ActorOf(req), ScopeOf(req), req.Param("id")));
    return http::Json(200, AlertJson(a, clock.NowMillis()));
  });
}

Response Close(AlertStore& s, const Clock& clock, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(auto outcome, OptionalString(body, "outcome"));
    XINAN_ASSIGN_OR_RETURN(auto note, OptionalString(body, "note"));
    if (note && CodePoints(*note) > 2000) return Status::InvalidField("note", "note_too_long");
    XINAN_ASSIGN_OR_RETURN(Alert a, s.Close(ActorOf(req), ScopeOf(req), req.Param("id"),
                                            outcome.value_or(""), note.value_or("")));
    return http::Json(200, AlertJson(a, clock.NowMillis()));
  });
}

}  // namespace

http::RouteTable AlertRoutes(AlertStore& store, const Clock& clock) {
  using http::Access;
  AlertStore* s = &store;
  const Clock* c = &clock;
  auto h = [s, c](Response (*fn)(AlertStore&, const Clock&, Request&)) {
    return [s, c, fn](Request& r) { return fn(*s, *c, r); };
  };
  const std::string read = identity::kPeopleRead, write = identity::kPeopleWrite;
  return {
      {"GET", "/api/v1/alerts", Access::kPermission, read, h(List),
       "The alert inbox in scope: overdue first, then by level (status, level, paging)", "alerts", "",
       R"({"type":"object"})"},
      {"GET", "/api/v1/alerts/{id}", Access::kPermission, read, h(Get), "An alert with its timeline",
       "alerts", "", R"({"type":"object"})"},
      {"POST", "/api/v1/alerts/{id}/acknowledge", Access::kPermission, write, h(Acknowledge),
       "Acknowledge a new alert (stops its escalation)", "alerts", "", R"({"type":"object"})"},
      {"GET", "/api/v1/alerts/{id}/respondent", Access::kPermission, write, h(Respondent),
       "Name and phone of the identified self-assessment respondent behind the alert (audited)", "alerts", "",
       R"({"type":"object","properties":{"name":{"type":"string"},"phone":{"type":"string"}}})"},
      {"POST", "/api/v1/alerts/{id}/start", Access::kPermission, write, h(Start),
       "Start work on an acknowledged alert (in progress)", "alerts", "", R"({"type":"object"})"},
      {"POST", "/api/v1/alerts/{id}/close", Access::kPermission, write, h(Close),
       "Close an alert with an outcome", "alerts",
       R"({"type":"object","required":["outcome"],"properties":{"outcome":{"type":"string","enum":["contacted_safe","referred","case_opened","unreachable","false_positive"]},"note":{"type":"string"}}})",
       R"({"type":"object"})"},
  };
}

}  // namespace xinan::alerts

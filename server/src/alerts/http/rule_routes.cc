// Warning-rule routes (/api/v1/warning-rules): district admins manage the rules as data.
#include "alerts/http/alert_routes.h"

#include "common/clock.h"
#include "common/json.h"
#include "http/reply.h"
#include "identity/domain/roles.h"

namespace xinan::alerts {
namespace {

using http::ActorOf;
using http::ScopeOf;
using http::Request;
using http::Response;

json::object RuleJson(const StoredRule& s) {
  const WarningRule& r = s.rule;
  json::array tags;
  for (const auto& t : r.required_tags) tags.emplace_back(t);
  json::object o{{"id", r.id}, {"name", r.name}, {"level", LevelCode(r.level)},
                 {"scaleCode", r.scale_code.empty() ? json::value() : json::value(r.scale_code)},
                 {"requiresCritical", r.requires_critical}, {"requiredTags", tags}, {"active", r.active},
                 {"version", s.version}};
  // The shipped rules carry no time of creation (they come with the schema).
  o["createdAt"] = s.created_at ? json::value(FormatInstant(s.created_at)) : json::value();
  o["updatedAt"] = s.updated_at ? json::value(FormatInstant(s.updated_at)) : json::value();
  o["minTotal"] = r.min_total ? WholeOrReal(*r.min_total) : json::value();
  o["maxTotal"] = r.max_total ? WholeOrReal(*r.max_total) : json::value();
  o["minRise"] = r.min_rise ? WholeOrReal(*r.min_rise) : json::value();
  return o;
}

Result<WarningRule> ParseRule(const json::object& body, const ScaleTotals& scale_totals) {
  WarningRule r;
  XINAN_ASSIGN_OR_RETURN(r.name, RequiredString(body, "name"));
  XINAN_ASSIGN_OR_RETURN(std::string level, RequiredString(body, "level"));
  auto parsed = ParseAlertLevel(level);
  if (!parsed) return Status::InvalidField("level", "level_invalid");
  r.level = *parsed;
  XINAN_ASSIGN_OR_RETURN(auto scale, OptionalString(body, "scaleCode"));
  r.scale_code = scale.value_or("");
  std::optional<std::pair<double, double>> totals;
  if (!r.scale_code.empty() && !(totals = scale_totals(r.scale_code))) {
    return Status::InvalidField("scaleCode", "scale_unknown");
  }
  XINAN_ASSIGN_OR_RETURN(r.min_total, OptionalNumber(body, "minTotal"));
  XINAN_ASSIGN_OR_RETURN(r.max_total, OptionalNumber(body, "maxTotal"));
  XINAN_ASSIGN_OR_RETURN(r.min_rise, OptionalNumber(body, "minRise"));
  XINAN_ASSIGN_OR_RETURN(auto critical, OptionalBool(body, "requiresCritical"));
  r.requires_critical = critical.value_or(false);
  XINAN_ASSIGN_OR_RETURN(auto tags, OptionalStringArray(body, "requiredTags"));
  r.required_tags = tags.value_or(std::vector<std::string>{});
  XINAN_ASSIGN_OR_RETURN(auto active, OptionalBool(body, "active"));
  r.active = active.value_or(true);
  if (totals) XINAN_RETURN_IF_ERROR(CheckRuleReachable(r, totals->first, totals->second));
  return r;
}

Response List(RuleStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(http::Paging paging, http::ParsePaging(req));
    XINAN_ASSIGN_OR_RETURN(RulePage page, s.List(req.Query("q"), paging.Offset(), paging.page_size));
    json::array items;
    for (const auto& r : page.items) items.push_back(RuleJson(r));
    return http::ListResponse(std::move(items), page.total, paging);
  });
}

// Warning rules apply to the whole district: only a rules manager at the district's own unit may
// change them (a district administrator placed at a town administers that town's users and
// records, not the district's rules).
Status DistrictOnly(Request& req) {
  return ScopeOf(req).IsTop() ? Status::Ok() : Status::Denied("rules_district_only");
}

Response Create(RuleStore& s, const ScaleTotals& known, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_RETURN_IF_ERROR(DistrictOnly(req));
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(WarningRule rule, ParseRule(body, known));
    XINAN_ASSIGN_OR_RETURN(StoredRule r, s.Create(ActorOf(req), std::move(rule)));
    return http::Created(RuleJson(r), "/api/v1/warning-rules/" + r.rule.id);
  });
}

Response Update(RuleStore& s, const ScaleTotals& known, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_RETURN_IF_ERROR(DistrictOnly(req));
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(WarningRule rule, ParseRule(body, known));
    XINAN_ASSIGN_OR_RETURN(int64_t version, RequiredVersion(body));
    XINAN_ASSIGN_OR_RETURN(StoredRule r, s.Update(ActorOf(req), req.Param("id"), std::move(rule), version));
    return http::Json(200, RuleJson(r));
  });
}

Response Delete(RuleStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_RETURN_IF_ERROR(DistrictOnly(req));
    XINAN_RETURN_IF_ERROR(s.Delete(ActorOf(req), req.Param("id")));
    return Response::NoContent();
  });
}

constexpr const char* kRuleSchema =
    R"({"type":"object","required":["name","level"],"properties":{"name":{"type":"string"},"level":{"type":"string","enum":["red","orange","yellow"]},"scaleCode":{"type":"string","nullable":true},"minTotal":{"type":"number","nullable":true},"maxTotal":{"type":"number","nullable":true},"minRise":{"type":"number","nullable":true},"requiresCritical":{"type":"boolean"},"requiredTags":{"type":"array","items":{"type":"string"}},"active":{"type":"boolean"},"version":{"type":"integer"}}})";

}  // namespace

http::RouteTable RuleRoutes(RuleStore& store, ScaleTotals scale_totals) {
  using http::Access;
  RuleStore* s = &store;
  auto known = std::make_shared<ScaleTotals>(std::move(scale_totals));
  const std::string read = identity::kPeopleRead, manage = identity::kRulesManage;
  return {
      {"GET", "/api/v1/warning-rules", Access::kPermission, read, [s](Request& r) { return List(*s, r); },
       "The warning rules (q, paging), strongest level first", "alerts", "", kRuleSchema},
      {"POST", "/api/v1/warning-rules", Access::kPermission, manage,
       [s, known](Request& r) { return Create(*s, *known, r); }, "Create a warning rule", "alerts",
       kRuleSchema, kRuleSchema, 201},
      {"PUT", "/api/v1/warning-rules/{id}", Access::kPermission, manage,
       [s, known](Request& r) { return Update(*s, *known, r); }, "Replace a warning rule (version required)",
       "alerts", kRuleSchema, kRuleSchema},
      {"DELETE", "/api/v1/warning-rules/{id}", Access::kPermission, manage,
       [s](Request& r) { return Delete(*s, r); }, "Delete a warning rule", "alerts", "", "", 204},
  };
}

}  // namespace xinan::alerts

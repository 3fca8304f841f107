#include "people/http/people_routes.h"

#include <cstdlib>

#include "common/clock.h"
#include "common/json.h"
#include "common/messages.h"
#include "common/text.h"
#include "http/reply.h"
#include "identity/domain/roles.h"

namespace xinan::people {
namespace {

using http::Request;
using http::Response;

using http::ActorOf;
using http::ScopeOf;

json::array TagsJson(const std::vector<std::string>& tags) {
  json::array out;
  for (const auto& t : tags) out.emplace_back(t);
  return out;
}

// A list row: identifiers masked, and the birth year rather than the date — the date is digits
// 7-14 of the ID number, so beside the masked number (first and last four) it gave away the whole
// number without the audited detail read.
json::object ListItemJson(const Person& p) {
  int64_t birth_year = p.birth_date.size() >= 4 ? std::atoi(p.birth_date.substr(0, 4).c_str()) : 0;
  return {{"id", p.id}, {"name", p.name}, {"gender", p.gender}, {"birthYear", birth_year},
          {"idNumberMasked", p.id_number_masked}, {"phoneMasked", p.phone_masked},
          {"unit", {{"id", p.unit_id}, {"code", p.unit_code}, {"name", p.unit_name}}},
          {"tags", TagsJson(p.tags)}, {"createdAt", FormatInstant(p.created_at)}};
}

json::object DetailJson(const Person& p) {
  json::object o = ListItemJson(p);
  o["birthDate"] = p.birth_date;
  o["idNumber"] = p.id_number;
  o["phone"] = p.phone;
  o["address"] = p.address;
  o["updatedAt"] = FormatInstant(p.updated_at);
  o["version"] = p.version;
  o["viaBreakGlass"] = p.via_break_glass;
  return o;
}

Result<PersonInput> ParseInput(const json::object& body) {
  PersonInput in;
  const std::pair<const char*, std::string*> text_fields[] = {
      {"name", &in.name},         {"gender", &in.gender}, {"birthDate", &in.birth_date},
      {"idNumber", &in.id_number}, {"phone", &in.phone},  {"address", &in.address},
      {"unitId", &in.unit_id}};
  for (const auto& [key, dest] : text_fields) {
    XINAN_ASSIGN_OR_RETURN(auto v, OptionalString(body, key));
    *dest = v.value_or("");
  }
  XINAN_ASSIGN_OR_RETURN(auto tags, OptionalStringArray(body, "tags"));
  in.tags = tags.value_or(std::vector<std::string>{});
  XINAN_ASSIGN_OR_RETURN(auto version, OptionalInt(body, "version"));
  in.version = version.value_or(0);
  return in;
}

Response List(PeopleStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(http::Paging paging, http::ParsePaging(req));
    PersonFilter f{req.Query("q"), req.Query("idNumber"), req.Query("tag"), req.Query("unitId"),
                   req.Query("sort", "-createdAt"), paging.Offset(), paging.page_size};
    XINAN_ASSIGN_OR_RETURN(PersonPage page, s.List(ScopeOf(req), f));
    json::array items;
    for (const auto& p : page.items) items.push_back(ListItemJson(p));
    return http::ListResponse(std::move(items), page.total, paging);
  });
}

Response Create(PeopleStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(PersonInput in, ParseInput(body));
    XINAN_ASSIGN_OR_RETURN(Person p, s.Create(ActorOf(req), ScopeOf(req), std::move(in)));
    return http::Created(ListItemJson(p), "/api/v1/people/" + p.id);
  });
}

Response Get(PeopleStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(Person p, s.Read(ActorOf(req), ScopeOf(req), req.Param("id")));
    Response r = http::Json(200, DetailJson(p));
    r.SetHeader("Cache-Control", "no-store");
    return r;
  });
}

Response Update(PeopleStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(PersonInput in, ParseInput(body));
    if (in.version <= 0) return Status::InvalidField("version", "required");
    XINAN_ASSIGN_OR_RETURN(Person p, s.Update(ActorOf(req), ScopeOf(req), req.Param("id"), std::move(in)));
    return http::Json(200, DetailJson(p));
  });
}

Response Tags(PeopleStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(auto tags, s.Tags());
    json::array out;
    for (const auto& t : *tags) out.push_back({{"code", t.code}, {"nameZh", t.name_zh}, {"nameEn", t.name_en}});
    return http::Json(200, out);
  });
}

Response BreakGlass(PeopleStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(std::string id_number, RequiredString(body, "idNumber"));
    XINAN_ASSIGN_OR_RETURN(std::string reason, RequiredString(body, "reason"));
    size_t chars = CodePoints(reason);
    if (chars < 10) return Status::InvalidField("reason", "reason_too_short");
    if (chars > 500) return Status::InvalidField("reason", "reason_too_long");
    XINAN_ASSIGN_OR_RETURN(BreakGlassGrant g, s.BreakGlass(ActorOf(req), id_number, reason));
    return http::Created({{"personId", g.person_id}, {"expiresAt", FormatInstant(g.expires_at)}},
                         "/api/v1/people/" + g.person_id);
  });
}

Response Grants(PeopleStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(http::Paging paging, http::ParsePaging(req));
    int64_t total = 0;
    XINAN_ASSIGN_OR_RETURN(auto grants, s.Grants(ScopeOf(req), paging.Offset(), paging.page_size, &total));
    json::array items;
    for (const auto& g : grants) {
      items.push_back({{"id", g.id}, {"username", g.username}, {"displayName", g.display_name},
                       {"unitName", g.unit_name}, {"personId", g.person_id}, {"reason", g.reason},
                       {"personName", g.person_name}, {"personUnitName", g.person_unit_name},
                       {"createdAt", FormatInstant(g.created_at)},
                       {"expiresAt", FormatInstant(g.expires_at)}});
    }
    return http::ListResponse(std::move(items), total, paging);
  });
}

constexpr const char* kPersonSchema =
    R"({"type":"object","required":["name","gender","birthDate","unitId"],"properties":{"name":{"type":"string","maxLength":50},"gender":{"type":"string","enum":["male","female"]},"birthDate":{"type":"string","format":"date"},"idNumber":{"type":"string","pattern":"^[0-9]{17}[0-9X]$"},"phone":{"type":"string","pattern":"^1[3-9][0-9]{9}$"},"address":{"type":"string"},"unitId":{"type":"string"},"tags":{"type":"array","items":{"type":"string"}},"version":{"type":"integer"}}})";
constexpr const char* kDetailSchema =
    R"({"type":"object","properties":{"id":{"type":"string"},"name":{"type":"string"},"idNumber":{"type":"string"},"idNumberMasked":{"type":"string"},"phone":{"type":"string"},"phoneMasked":{"type":"string"},"version":{"type":"integer"},"viaBreakGlass":{"type":"boolean"}}})";

}  // namespace

http::RouteTable PeopleRoutes(PeopleStore& store) {
  using http::Access;
  PeopleStore* s = &store;
  auto h = [s](Response (*fn)(PeopleStore&, Request&)) {
    return [s, fn](Request& r) { return fn(*s, r); };
  };
  const std::string read = identity::kPeopleRead, write = identity::kPeopleWrite;
  return {
      {"GET", "/api/v1/people", Access::kPermission, read, h(List),
       "List residents in scope (q, idNumber, tag, unitId, sort, paging); masked identifiers",
       "people", "", R"({"type":"object"})"},
      {"POST", "/api/v1/people", Access::kPermission, write, h(Create), "Register a resident",
       "people", kPersonSchema, R"({"type":"object"})", 201},
      {"GET", "/api/v1/people/tags", Access::kPermission, read, h(Tags),
       "Special-population tags", "people", "", R"({"type":"array"})"},
      {"POST", "/api/v1/people/break-glass", Access::kPermission, identity::kBreakGlassUse,
       h(BreakGlass), "Open a record outside the scope for 24 h, with a reason (audited)",
       "people",
       R"({"type":"object","required":["idNumber","reason"],"properties":{"idNumber":{"type":"string"},"reason":{"type":"string","minLength":10}}})",
       R"({"type":"object","properties":{"personId":{"type":"string"},"expiresAt":{"type":"string"}}})",
       201},
      {"GET", "/api/v1/people/{id}", Access::kPermission, read, h(Get),
       "A resident's full record (audited)", "people", "", kDetailSchema},
      {"PUT", "/api/v1/people/{id}", Access::kPermission, write, h(Update),
       "Update a resident (version required; 409 when stale)", "people", kPersonSchema,
       kDetailSchema},
      {"GET", "/api/v1/break-glass", Access::kPermission, identity::kAuditRead, h(Grants),
       "Break-glass accesses, newest first", "audit", "", R"({"type":"object"})"},
  };
}

void RegisterPeopleMessages() {
  RegisterMessages({
      {"id_number_legacy_15", "不支持 15 位旧身份证号，请填写 18 位号码", "15-digit legacy ID numbers are not accepted; enter the 18-digit number"},
      {"id_number_length", "身份证号应为 18 位", "The ID number must have 18 characters"},
      {"id_number_format", "身份证号格式不正确（前 17 位为数字，末位为数字或 X）", "Wrong format: 17 digits and a digit or X"},
      {"id_number_birth_date", "身份证号中的出生日期无效", "The birth date inside the ID number is not valid"},
      {"id_number_checksum", "身份证号校验位错误，请核对", "The ID number's check character is wrong"},
      {"id_number_exists", "该身份证号已登记", "A resident with this ID number is already registered"},
      {"id_number_unknown", "没有登记该身份证号的居民，请核对号码", "No resident is registered with this ID number; check the number"},
      {"phone_format", "手机号应为 11 位大陆手机号", "Enter an 11-digit mainland mobile number"},
      {"name_too_long", "名称过长", "The name is too long"},
      {"gender_invalid", "请选择性别", "Choose a gender"},
      {"birth_date_invalid", "出生日期无效", "Invalid birth date"},
      {"birth_date_mismatch", "出生日期与身份证号不一致", "The birth date does not match the ID number"},
      {"gender_mismatch", "性别与身份证号不一致", "The gender does not match the ID number"},
      {"address_too_long", "地址过长", "The address is too long"},
      {"tag_invalid", "人群标签无效", "Unknown population tag"},
      {"reason_too_short", "请填写调阅原因（至少 10 个字）", "Give a reason of at least 10 characters"},
      {"reason_too_long", "调阅原因不能超过 500 个字", "The reason is at most 500 characters"},
  });
}

}  // namespace xinan::people

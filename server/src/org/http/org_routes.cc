#include "org/http/org_routes.h"

#include <map>

#include "common/clock.h"
#include "common/json.h"
#include "http/reply.h"
#include "identity/domain/roles.h"

namespace xinan::org {
namespace {

using http::Request;
using http::Response;

json::object UnitJson(const OrgUnit& u) {
  return {{"id", u.id},         {"code", u.code},       {"name", u.name},
          {"level", LevelCode(u.level)}, {"parentId", u.parent_id}, {"path", u.path},
          {"active", u.active}, {"hotline", u.hotline}, {"version", u.version},
          {"createdAt", FormatInstant(u.created_at)}, {"updatedAt", FormatInstant(u.updated_at)}};
}

// Nests the path-ordered units under their parents; roots are units whose parent is absent.
json::array TreeJson(const std::vector<OrgUnit>& units) {
  std::map<std::string, json::object> nodes;
  for (const auto& u : units) {
    json::object n = UnitJson(u);
    n["children"] = json::array();
    nodes[u.id] = std::move(n);
  }
  json::array roots;
  for (auto it = units.rbegin(); it != units.rend(); ++it) {  // children before parents
    auto parent = nodes.find(it->parent_id);
    json::object& node = nodes[it->id];
    if (parent != nodes.end()) {
      auto& kids = parent->second["children"].as_array();
      kids.insert(kids.begin(), std::move(node));
    } else {
      roots.insert(roots.begin(), std::move(node));
    }
  }
  return roots;
}

using http::ActorOf;
using http::ScopeOf;

Response Tree(OrgStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(auto units, s.Subtree(ScopeOf(req)));
    return http::Json(200, TreeJson(units));
  });
}

Response List(OrgStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(http::Paging paging, http::ParsePaging(req));
    UnitFilter f{req.Query("q"), req.Query("parentId"), paging.Offset(), paging.page_size};
    XINAN_ASSIGN_OR_RETURN(UnitPage page, s.List(ScopeOf(req), f));
    json::array items;
    for (const auto& u : page.items) items.push_back(UnitJson(u));
    return http::ListResponse(std::move(items), page.total, paging);
  });
}

Response Get(OrgStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(OrgUnit u, s.Get(ScopeOf(req), req.Param("id")));
    return http::Json(200, UnitJson(u));
  });
}

// A CSV of units (code,name,level,parent_code[,hotline]) under units of the caller's scope:
// all or nothing, errors by line.
Response Import(OrgStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(std::vector<ImportLine> lines, ParseImportCsv(req.body));
    security::Scope scope = ScopeOf(req);
    XINAN_ASSIGN_OR_RETURN(int n, s.Import(ActorOf(req), lines, &scope));
    return http::Json(200, json::object{{"imported", n}});
  });
}

Response Create(OrgStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    UnitInput in;
    XINAN_ASSIGN_OR_RETURN(auto code, OptionalString(body, "code"));
    XINAN_ASSIGN_OR_RETURN(auto name, OptionalString(body, "name"));
    XINAN_ASSIGN_OR_RETURN(auto level, OptionalString(body, "level"));
    XINAN_ASSIGN_OR_RETURN(auto parent, OptionalString(body, "parentId"));
    XINAN_ASSIGN_OR_RETURN(auto hotline, OptionalString(body, "hotline"));
    in = {code.value_or(""), name.value_or(""), level.value_or(""), parent.value_or(""),
          hotline.value_or("")};
    XINAN_ASSIGN_OR_RETURN(OrgUnit u, s.Create(ActorOf(req), ScopeOf(req), in));
    return http::Created(UnitJson(u), "/api/v1/org/units/" + u.id);
  });
}

Response Update(OrgStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(std::string name, RequiredString(body, "name"));
    XINAN_ASSIGN_OR_RETURN(auto active, OptionalBool(body, "active"));
    XINAN_ASSIGN_OR_RETURN(auto hotline, OptionalString(body, "hotline"));
    XINAN_ASSIGN_OR_RETURN(int64_t version, RequiredVersion(body));
    XINAN_ASSIGN_OR_RETURN(OrgUnit u, s.Update(ActorOf(req), ScopeOf(req), req.Param("id"), name,
                                               active.value_or(true), hotline.value_or(""), version));
    return http::Json(200, UnitJson(u));
  });
}

Response Delete(OrgStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_RETURN_IF_ERROR(s.Delete(ActorOf(req), ScopeOf(req), req.Param("id")));
    return http::Response::NoContent();
  });
}

constexpr const char* kUnitSchema =
    R"({"type":"object","properties":{"id":{"type":"string"},"code":{"type":"string"},"name":{"type":"string"},"level":{"type":"string","enum":["district","town","village"]},"parentId":{"type":"string"},"path":{"type":"string"},"active":{"type":"boolean"},"hotline":{"type":"string"},"version":{"type":"integer"}}})";
constexpr const char* kCreateSchema =
    R"({"type":"object","required":["code","name","level","parentId"],"properties":{"code":{"type":"string","pattern":"^[0-9]{12}$"},"name":{"type":"string","maxLength":60},"level":{"type":"string","enum":["town","village"]},"parentId":{"type":"string"},"hotline":{"type":"string"}}})";
constexpr const char* kUpdateSchema =
    R"({"type":"object","required":["name","version"],"properties":{"name":{"type":"string"},"active":{"type":"boolean"},"hotline":{"type":"string"},"version":{"type":"integer"}}})";

}  // namespace

http::RouteTable OrgRoutes(OrgStore& s) {
  using http::Access;
  const std::string read = identity::kOrgRead, manage = identity::kOrgManage;
  auto h = [&s](Response (*fn)(OrgStore&, Request&)) {
    return [&s, fn](Request& r) { return fn(s, r); };
  };
  return {
      {"GET", "/api/v1/org/units/tree", Access::kPermission, read, h(Tree),
       "The caller's org-unit subtree, nested", "org", "", R"({"type":"array"})"},
      {"GET", "/api/v1/org/units", Access::kPermission, read, h(List),
       "List org units (q, parentId, page, pageSize)", "org", "", R"({"type":"object"})"},
      {"POST", "/api/v1/org/units", Access::kPermission, manage, h(Create),
       "Create an org unit under a parent", "org", kCreateSchema, kUnitSchema, 201},
      {"POST", "/api/v1/org/units/import", Access::kPermission, manage, h(Import),
       "Import units from CSV (code,name,level,parent_code[,hotline]) under units in scope; all or nothing",
       "org", R"({"type":"string","format":"text/csv"})", R"({"type":"object"})"},
      {"GET", "/api/v1/org/units/{id}", Access::kPermission, read, h(Get),
       "One org unit", "org", "", kUnitSchema},
      {"PUT", "/api/v1/org/units/{id}", Access::kPermission, manage, h(Update),
       "Rename, (de)activate or set the hotline of a unit", "org", kUpdateSchema, kUnitSchema},
      {"DELETE", "/api/v1/org/units/{id}", Access::kPermission, manage, h(Delete),
       "Delete an unused unit", "org", "", "", 204},
  };
}

}  // namespace xinan::org

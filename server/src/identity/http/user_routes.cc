#include "common/json.h"
#include "common/text.h"
#include "http/reply.h"
#include "identity/domain/roles.h"
#include "identity/http/identity_routes.h"
#include "identity/http/json_views.h"

namespace xinan::identity {
namespace {

using http::Request;
using http::Response;

using http::ActorOf;
using http::ScopeOf;

// The display name: required, at most 50 characters.
Result<std::string> DisplayName(const json::object& body) {
  XINAN_ASSIGN_OR_RETURN(std::string name, RequiredString(body, "displayName"));
  if (CodePoints(name) > 50) return Status::InvalidField("displayName", "name_too_long");
  return name;
}

// Roles from the body; unknown codes or an empty list are field errors on "roles".
Result<std::vector<std::string>> ParseRoles(const json::object& body) {
  XINAN_ASSIGN_OR_RETURN(auto roles, OptionalStringArray(body, "roles"));
  if (!roles || roles->empty()) return Status::InvalidField("roles", "required");
  for (const auto& r : *roles) {
    if (!FindRole(r)) return Status::InvalidField("roles", "role_invalid");
  }
  return *roles;
}

Response List(UserStore& users, const Clock& clock, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(http::Paging paging, http::ParsePaging(req));
    XINAN_ASSIGN_OR_RETURN(UserPage page, users.List(ScopeOf(req), req.Query("q"),
                                                     req.Query("unitId"), paging.Offset(),
                                                     paging.page_size));
    json::array items;
    for (const auto& u : page.items) items.push_back(UserJson(u, clock.NowMillis()));
    return http::ListResponse(std::move(items), page.total, paging);
  });
}

Response Get(UserStore& users, const Clock& clock, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(User u, users.Get(ScopeOf(req), req.Param("id")));
    return http::Json(200, UserJson(u, clock.NowMillis()));
  });
}

Response Create(UserStore& users, const Clock& clock, security::PasswordCost cost, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(std::string username, RequiredString(body, "username"));
    XINAN_ASSIGN_OR_RETURN(std::string display, DisplayName(body));
    XINAN_ASSIGN_OR_RETURN(std::string unit_id, RequiredString(body, "unitId"));
    XINAN_ASSIGN_OR_RETURN(auto roles, ParseRoles(body));
    XINAN_ASSIGN_OR_RETURN(auto password, OptionalString(body, "password"));
    XINAN_RETURN_IF_ERROR(security::CheckPasswordPolicy(username, password.value_or("")));
    XINAN_ASSIGN_OR_RETURN(std::string hash, security::HashPassword(*password, cost));
    XINAN_ASSIGN_OR_RETURN(User u, users.Create(ActorOf(req), ScopeOf(req),
                                                {username, display, unit_id, roles, hash}));
    return http::Created(UserJson(u, clock.NowMillis()), "/api/v1/users/" + u.id);
  });
}

Response Update(UserStore& users, const Clock& clock, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(std::string display, DisplayName(body));
    XINAN_ASSIGN_OR_RETURN(auto roles, ParseRoles(body));
    XINAN_ASSIGN_OR_RETURN(auto active, OptionalBool(body, "active"));
    XINAN_ASSIGN_OR_RETURN(int64_t version, RequiredVersion(body));
    XINAN_ASSIGN_OR_RETURN(User u, users.Update(ActorOf(req), ScopeOf(req), req.Param("id"),
                                                display, roles, active.value_or(true), version));
    return http::Json(200, UserJson(u, clock.NowMillis()));
  });
}

Response ResetPassword(UserStore& users, security::PasswordCost cost, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(auto password, OptionalString(body, "password"));
    XINAN_ASSIGN_OR_RETURN(User u, users.Get(ScopeOf(req), req.Param("id")));
    XINAN_RETURN_IF_ERROR(security::CheckPasswordPolicy(u.username, password.value_or("")));
    XINAN_ASSIGN_OR_RETURN(std::string hash, security::HashPassword(*password, cost));
    XINAN_RETURN_IF_ERROR(users.SetPassword(ActorOf(req), ScopeOf(req), u.id, hash));
    return Response::NoContent();
  });
}

Response Roles(Request& req) {
  json::array out;
  for (const auto& r : AllRoles()) {
    json::array perms;
    for (const auto& p : r.permissions) perms.emplace_back(p);
    out.push_back({{"code", r.code}, {"nameZh", r.name_zh}, {"nameEn", r.name_en},
                   {"permissions", perms}});
  }
  return http::Json(200, out);
}

constexpr const char* kUserSchema =
    R"({"type":"object","properties":{"id":{"type":"string"},"username":{"type":"string"},"displayName":{"type":"string"},"unit":{"type":"object"},"roles":{"type":"array","items":{"type":"string"}},"permissions":{"type":"array","items":{"type":"string"}},"active":{"type":"boolean"},"locked":{"type":"boolean"},"version":{"type":"integer"}}})";
constexpr const char* kCreateSchema =
    R"({"type":"object","required":["username","displayName","unitId","roles","password"],"properties":{"username":{"type":"string"},"displayName":{"type":"string"},"unitId":{"type":"string"},"roles":{"type":"array","items":{"type":"string"}},"password":{"type":"string","minLength":10}}})";

}  // namespace

http::RouteTable UserRoutes(UserStore& users, const Clock& clock, security::PasswordCost cost) {
  using http::Access;
  const Clock* c = &clock;
  const std::string manage = kUsersManage;
  UserStore* u = &users;
  return {
      {"GET", "/api/v1/users", Access::kPermission, manage,
       [u, c](Request& r) { return List(*u, *c, r); }, "List users in scope (q, unitId, paging)", "users",
       "", R"({"type":"object"})"},
      {"POST", "/api/v1/users", Access::kPermission, manage,
       [u, c, cost](Request& r) { return Create(*u, *c, cost, r); }, "Create a user", "users",
       kCreateSchema, kUserSchema, 201},
      {"GET", "/api/v1/users/{id}", Access::kPermission, manage,
       [u, c](Request& r) { return Get(*u, *c, r); }, "One user", "users", "", kUserSchema},
      {"PUT", "/api/v1/users/{id}", Access::kPermission, manage,
       [u, c](Request& r) { return Update(*u, *c, r); }, "Change a user's name, roles or active flag (version required: 409 when stale)",
       "users",
       R"({"type":"object","required":["displayName","roles","version"],"properties":{"displayName":{"type":"string"},"roles":{"type":"array","items":{"type":"string"}},"active":{"type":"boolean"},"version":{"type":"integer"}}})",
       kUserSchema},
      {"POST", "/api/v1/users/{id}/reset-password", Access::kPermission, manage,
       [u, cost](Request& r) { return ResetPassword(*u, cost, r); },
       "Set a new password (revokes the user's sessions)", "users",
       R"({"type":"object","required":["password"],"properties":{"password":{"type":"string"}}})",
       "", 204},
      {"GET", "/api/v1/roles", Access::kAuthenticated, "", Roles, "The role table", "users", "",
       R"({"type":"array"})"},
  };
}

}  // namespace xinan::identity

#include "common/json.h"
#include "http/reply.h"
#include "identity/domain/roles.h"
#include "identity/http/identity_routes.h"
#include "identity/http/json_views.h"

namespace xinan::identity {

json::object UserJson(const User& u, int64_t now) {
  json::array roles, perms;
  for (const auto& r : u.roles) roles.emplace_back(r);
  for (const auto& p : EffectivePermissions(u.roles, u.unit_level)) perms.emplace_back(p);
  return {{"id", u.id},
          {"username", u.username},
          {"displayName", u.display_name},
          {"unit", {{"id", u.unit_id}, {"code", u.unit_code}, {"name", u.unit_name},
                    {"level", u.unit_level}, {"path", u.unit_path}}},
          {"roles", roles},
          {"permissions", perms},
          {"active", u.active},
          {"locked", IsLocked(u.lock, now)},
          {"version", u.version}};
}

namespace {

using http::Request;
using http::Response;

std::string CookieHeader(const std::string& name, const std::string& value, bool http_only,
                         int64_t max_age_seconds, bool secure) {
  return name + "=" + value + "; Path=/; SameSite=Strict; Max-Age=" +
         std::to_string(max_age_seconds) + (http_only ? "; HttpOnly" : "") + (secure ? "; Secure" : "");
}

Response Login(AuthService& auth, bool secure, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(auto username, OptionalString(body, "username"));
    XINAN_ASSIGN_OR_RETURN(auto password, OptionalString(body, "password"));
    std::vector<FieldError> errs;
    if (!username || username->empty()) errs.push_back({"username", "required"});
    if (!password || password->empty()) errs.push_back({"password", "required"});
    if (!errs.empty()) return Status::Invalid("validation_failed", errs);
    XINAN_ASSIGN_OR_RETURN(LoginResult r,
                           auth.Login(*username, *password, req.remote_addr, req.request_id));
    Response resp = http::Json(200, {{"token", r.token}, {"csrfToken", r.csrf_token},
                                     {"user", UserJson(r.user, auth.clock().NowMillis())}});
    // The cookies live as long as the session may (its absolute expiry), not a fixed 12 hours.
    int64_t age = auth.users().policy().session_absolute_millis / 1000;
    resp.headers.emplace_back("Set-Cookie", CookieHeader(kSessionCookie, r.token, true, age, secure));
    resp.headers.emplace_back("Set-Cookie", CookieHeader(kCsrfCookie, r.csrf_token, false, age, secure));
    resp.SetHeader("Cache-Control", "no-store");
    return resp;
  });
}

Response Logout(AuthService& auth, bool secure, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_RETURN_IF_ERROR(auth.Logout(*req.principal, req.request_id));
    Response resp = Response::NoContent();
    resp.headers.emplace_back("Set-Cookie", CookieHeader(kSessionCookie, "", true, 0, secure));
    resp.headers.emplace_back("Set-Cookie", CookieHeader(kCsrfCookie, "", false, 0, secure));
    return resp;
  });
}

Response Me(AuthService& auth, Request& req) {
  UserStore& users = auth.users();
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(User u, users.FindByUsername(req.principal->username));
    return http::Json(200, UserJson(u, auth.clock().NowMillis()));
  });
}

Response ChangePassword(AuthService& auth, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(auto old_pw, OptionalString(body, "oldPassword"));
    XINAN_ASSIGN_OR_RETURN(auto new_pw, OptionalString(body, "newPassword"));
    XINAN_RETURN_IF_ERROR(auth.ChangePassword(*req.principal, old_pw.value_or(""),
                                              new_pw.value_or(""), req.request_id));
    return Response::NoContent();
  });
}

constexpr const char* kLoginSchema =
    R"({"type":"object","required":["username","password"],"properties":{"username":{"type":"string"},"password":{"type":"string","format":"password"}}})";
constexpr const char* kLoginReply =
    R"({"type":"object","properties":{"token":{"type":"string"},"csrfToken":{"type":"string"},"user":{"type":"object"}}})";

}  // namespace

void AuthenticateRequest(AuthService& auth, http::Request& req) {
  std::string authz = req.Header("authorization");
  if (authz.rfind("Bearer ", 0) == 0) {
    req.principal = auth.Authenticate(authz.substr(7), false);
    return;
  }
  std::string cookie = req.Cookie(kSessionCookie);
  if (!cookie.empty()) req.principal = auth.Authenticate(cookie, true);
}

http::RouteTable AuthRoutes(AuthService& auth, bool secure_cookies) {
  using http::Access;
  return {
      {"POST", "/api/v1/auth/login", Access::kPublic, "",
       [&auth, secure_cookies](Request& r) { return Login(auth, secure_cookies, r); }, "Sign in; sets the session cookie",
       "auth", kLoginSchema, kLoginReply},
      {"POST", "/api/v1/auth/logout", Access::kAuthenticated, "",
       [&auth, secure_cookies](Request& r) { return Logout(auth, secure_cookies, r); }, "Sign out (revokes the session)", "auth",
       "", "", 204},
      {"GET", "/api/v1/auth/me", Access::kAuthenticated, "",
       [&auth](Request& r) { return Me(auth, r); }, "The signed-in user", "auth", "",
       R"({"type":"object"})"},
      {"POST", "/api/v1/auth/password", Access::kAuthenticated, "",
       [&auth](Request& r) { return ChangePassword(auth, r); },
       "Change the own password (revokes all sessions)", "auth",
       R"({"type":"object","required":["oldPassword","newPassword"],"properties":{"oldPassword":{"type":"string"},"newPassword":{"type":"string"}}})",
       "", 204},
  };
}

}  // namespace xinan::identity

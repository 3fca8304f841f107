// HTTP routes of the identity module: sign-in (/api/v1/auth/*), user management
// (/api/v1/users) and the role table (/api/v1/roles); plus the authentication hook.
#pragma once

#include "http/request.h"
#include "http/route.h"
#include "identity/auth_service.h"

namespace xinan::identity {

// `secure_cookies`: mark the cookies Secure (sent over HTTPS only) — for a public URL on https.
http::RouteTable AuthRoutes(AuthService& auth, bool secure_cookies = false);
http::RouteTable UserRoutes(UserStore& users, const Clock& clock, security::PasswordCost cost);

// Sets req.principal from the bearer token or the session cookie (the app's authenticate hook).
void AuthenticateRequest(AuthService& auth, http::Request& req);

inline constexpr const char* kSessionCookie = "xinan_session";
inline constexpr const char* kCsrfCookie = "xinan_csrf";

}  // namespace xinan::identity

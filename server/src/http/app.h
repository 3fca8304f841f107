// App: everything between a parsed request and its response — the middleware chain
// (request id, access log without personal data, metrics, authentication, access and CSRF
// checks, problem mapping of exceptions), the router over every module's route table, the
// OpenAPI document, /healthz, /metrics, and the static web UI with SPA fallback.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "http/request.h"
#include "http/response.h"
#include "http/route.h"
#include "security/principal.h"

namespace xinan::http {

struct AppHooks {
  // Resolves the session from the cookie or bearer token and sets req.principal; leaves it
  // empty for no/expired/revoked sessions. Called for every /api/ and /fhir/ request.
  std::function<void(Request&)> authenticate;
  // Whether `principal` holds `permission` (role table lives in identity/).
  std::function<bool(const Principal&, const std::string&)> allowed;
  // Extra Prometheus text appended to /metrics (e.g. group-commit batch sizes).
  std::function<std::string()> extra_metrics;
  // /healthz: OK when the database answers.
  std::function<bool()> healthy;
};

struct AppOptions {
  std::string web_root;  // directory with the built web UI (index.html); "" serves none
  std::string csrf_header = "x-csrf-token";
  bool access_log = true;  // one line per request; errors are logged regardless
};

class App {
 public:
  App(AppOptions options, AppHooks hooks);
  ~App();
  // Adds a module's routes. Not thread-safe: call before serving.
  void AddRoutes(const RouteTable& routes);
  // Handles one request end to end. Thread-safe once routes are added; never throws.
  Response Handle(Request& req);
  // The OpenAPI 3 document describing every route.
  std::string OpenApiJson() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace xinan::http

#include "http/app.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <exception>

#include "common/json.h"
#include "http/metrics.h"
#include "http/openapi.h"
#include "http/problem.h"
#include "http/router.h"
#include "http/static_files.h"
#include "security/tokens.h"

namespace xinan::http {

struct App::Impl {
  AppOptions options;
  AppHooks hooks;
  Router router;
  HttpMetrics metrics;
  std::unique_ptr<StaticFiles> statics;
  std::string openapi;  // built lazily once routes are final

  Response Api(Request& req);
  Response Route(Request& req);
  Response Guarded(Request& req, const http::Route& route);
};

namespace {

bool IsSafeMethod(const std::string& m) { return m == "GET" || m == "HEAD" || m == "OPTIONS"; }

std::string RequestIdFrom(const Request& req) {
  std::string id = req.Header("x-request-id");
  bool ok = !id.empty() && id.size() <= 64 &&
            id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") ==
                std::string::npos;
  return ok ? id : security::NewRequestId();
}

std::string LangFrom(const Request& req) {
  std::string al = req.Header("accept-language");
  return al.rfind("en", 0) == 0 ? "en" : "zh-CN";
}

void SecurityHeaders(Response& r) {
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Referrer-Policy", "no-referrer");
  r.SetHeader("X-Frame-Options", "DENY");
  if (r.content_type.rfind("text/html", 0) == 0) {
    r.SetHeader("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
  }
}

}  // namespace

Response App::Impl::Guarded(Request& req, const http::Route& route) {
  if (route.access != Access::kPublic) {
    if (!req.principal) return Problem(Status::Unauthenticated(), req);
    if (route.access == Access::kPermission && !hooks.allowed(*req.principal, route.permission)) {
      return Problem(Status::Denied(), req);
    }
    if (req.principal->via_cookie && !IsSafeMethod(req.method)) {
      // The header must carry this session's token (not merely repeat a cookie, which a
      // sibling subdomain could plant alongside), compared in constant time.
      const std::string& expected = req.principal->csrf_token;
      std::string header = req.Header(options.csrf_header);
      if (expected.empty() || !security::SameSecret(header, expected)) {
        return Problem(Status::Denied("csrf_failed"), req);
      }
    }
  }
  return route.handler(req);
}

Response App::Impl::Api(Request& req) {
  Router::Match m = router.Find(req.method, req.path);
  if (!m.route) {
    req.route_pattern = "unmatched";
    if (m.allowed_methods.empty()) return Problem(Status::NotFound("route_not_found"), req);
    Response r = Problem(Status::Make(StatusKind::kInvalidArgument, "method_not_allowed"), req);
    r.status = 405;
    std::string allow;
    for (const auto& a : m.allowed_methods) allow += (allow.empty() ? "" : ", ") + a;
    r.SetHeader("Allow", allow);
    return r;
  }
  req.route_pattern = m.route->pattern;
  req.path_params = std::move(m.params);
  if (hooks.authenticate) hooks.authenticate(req);
  return Guarded(req, *m.route);
}

Response App::Impl::Route(Request& req) {
  if (req.path == "/healthz") {
    req.route_pattern = "/healthz";
    bool ok = !hooks.healthy || hooks.healthy();
    return Json(ok ? 200 : 503, json::object{{"status", ok ? "ok" : "unavailable"}});
  }
  if (req.path == "/metrics") {
    req.route_pattern = "/metrics";
    return Response::Text(200, metrics.Render() + (hooks.extra_metrics ? hooks.extra_metrics() : ""),
                          "text/plain; version=0.0.4; charset=utf-8");
  }
  if (req.path == "/api/openapi.json") {
    req.route_pattern = "/api/openapi.json";
    return Response::Text(200, openapi, "application/json; charset=utf-8");
  }
  if (req.path.rfind("/api/", 0) == 0 || req.path.rfind("/fhir/", 0) == 0) return Api(req);
  req.route_pattern = "static";
  if (!IsSafeMethod(req.method) || !statics) return Problem(Status::NotFound("route_not_found"), req);
  return statics->Serve(req);
}

App::App(AppOptions options, AppHooks hooks) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->hooks = std::move(hooks);
  if (!impl_->options.web_root.empty()) {
    impl_->statics = std::make_unique<StaticFiles>(impl_->options.web_root);
  }
}

App::~App() = default;

void App::AddRoutes(const RouteTable& routes) {
  for (const auto& r : routes) impl_->router.Add(r);
  impl_->openapi = BuildOpenApi(impl_->router.routes());
}

std::string App::OpenApiJson() const { return impl_->openapi; }

Response App::Handle(Request& req) {
  auto start = std::chrono::steady_clock::now();
  req.request_id = RequestIdFrom(req);
  req.lang = LangFrom(req);
  Response resp;
  try {
    resp = impl_->Route(req);
  } catch (const std::exception& e) {
    resp = Problem(Status::Internal(e.what()), req);  // logs the cause with the request id
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  impl_->metrics.Observe(req.route_pattern, req.method, resp.status, secs);
  resp.SetHeader("X-Request-Id", req.request_id);
  SecurityHeaders(resp);
  if (impl_->options.access_log || resp.status >= 400) {
    spdlog::log(resp.status >= 500 ? spdlog::level::warn : spdlog::level::info,
                "{} {} {} {:.1f}ms rid={}", req.method, req.route_pattern, resp.status, secs * 1000,
                req.request_id);
  }
  return resp;
}

}  // namespace xinan::http

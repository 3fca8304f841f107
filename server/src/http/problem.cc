#include "http/problem.h"

#include <spdlog/spdlog.h>

#include "common/json.h"
#include "common/messages.h"

namespace xinan::http {

// Validation failures that name fields are 422 (the body parsed, its content is wrong);
// other invalid requests (malformed JSON, bad syntax) are 400.
int HttpStatusFor(const Status& st) {
  switch (st.kind()) {
    case StatusKind::kOk: return 200;
    case StatusKind::kInvalidArgument: return st.fields().empty() ? 400 : 422;
    case StatusKind::kUnauthenticated: return 401;
    case StatusKind::kPermissionDenied: return 403;
    case StatusKind::kNotFound: return 404;
    case StatusKind::kConflict: return 409;
    case StatusKind::kGone: return 410;
    case StatusKind::kTooLarge: return 413;
    case StatusKind::kRateLimited: return 429;
    case StatusKind::kUnavailable: return 503;
    case StatusKind::kInternal: return 500;
  }
  return 500;
}

Response Problem(const Status& st, const Request& req) {
  int status = HttpStatusFor(st);
  // Internal details never leave the server; they go to the log with the request id.
  if (status >= 500) spdlog::error("request {} failed: {}", req.request_id, st.ToString());
  std::string code = status >= 500 ? (status == 503 ? "unavailable" : "internal_error") : st.code();
  json::object body{{"type", "urn:xinan:problem:" + code},
                    {"title", MessageText(code, "en")},
                    {"status", status},
                    {"code", code},
                    {"detail", MessageText(code, req.lang)}};
  if (!req.request_id.empty()) body["requestId"] = req.request_id;
  if (!st.fields().empty()) {
    json::array errors;
    for (const auto& f : st.fields()) {
      errors.push_back({{"field", f.field}, {"code", f.code}, {"message", MessageText(f.code, req.lang)}});
    }
    body["errors"] = std::move(errors);
  }
  Response r;
  r.status = status;
  r.content_type = "application/problem+json; charset=utf-8";
  r.body = json::serialize(body);
  return r;
}

Response Json(int status, const boost::json::value& body) {
  Response r;
  r.status = status;
  r.body = json::serialize(body);
  return r;
}

Result<boost::json::object> JsonBody(const Request& req) { return ParseObject(req.body); }

Result<Paging> ParsePaging(const Request& req) {
  Paging p;
  std::vector<FieldError> errs;
  auto parse = [](const std::string& s, int fallback) -> std::optional<int> {
    if (s.empty()) return fallback;
    if (s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoi(s);
  };
  auto page = parse(req.Query("page"), 1);
  auto size = parse(req.Query("pageSize"), 20);
  if (!page || *page < 1) errs.push_back({"page", "page_invalid"});
  if (!size || *size < 1 || *size > 200) errs.push_back({"pageSize", "page_size_invalid"});
  if (!errs.empty()) return Status::Invalid("validation_failed", std::move(errs));
  p.page = *page;
  p.page_size = *size;
  return p;
}

Response ListResponse(boost::json::array items, int64_t total, const Paging& paging,
                      boost::json::object extra) {
  extra["items"] = std::move(items);
  extra["total"] = total;
  extra["page"] = paging.page;
  extra["pageSize"] = paging.page_size;
  return Json(200, extra);
}

}  // namespace xinan::http

// The one place that turns a Status into an HTTP response: RFC 9457 application/problem+json
// with type, title, status, a stable `code`, `detail` in the request's language and
// `errors: [{field, code, message}]` for validation failures. Also the JSON reply helpers.
#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "common/result.h"
#include "http/request.h"
#include "http/response.h"

namespace xinan::http {

// HTTP status for a Status kind (400/401/403/404/409/413/429/500/503).
int HttpStatusFor(const Status& status);
// The problem+json response for a failed Status, texts in req.lang.
Response Problem(const Status& status, const Request& req);
// A JSON response with the given status.
Response Json(int status, const boost::json::value& body);
// The JSON body parsed as an object, or the malformed_json Status.
Result<boost::json::object> JsonBody(const Request& req);

// List paging from ?page=&pageSize= (defaults 1 and 20, pageSize at most 200).
struct Paging {
  int page = 1;
  int page_size = 20;
  int Offset() const { return (page - 1) * page_size; }
};
Result<Paging> ParsePaging(const Request& req);
// {"items": items, "total": total, "page": p.page, "pageSize": p.page_size}, plus the members of
// `extra` (e.g. counts by level) beside them.
Response ListResponse(boost::json::array items, int64_t total, const Paging& paging,
                      boost::json::object extra = {});

}  // namespace xinan::http

// Route: one entry of a module's route table — method, path pattern, who may call it,
// the handler, and what the OpenAPI document says about it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace xinan::http {

using Handler = std::function<Response(Request&)>;

// Who may call a route. kPermission checks `permission` against the role table.
enum class Access { kPublic, kAuthenticated, kPermission };

struct Route {
  std::string method;   // "GET", "POST", "PUT", "PATCH", "DELETE"
  std::string pattern;  // "/api/v1/people/{id}"; "{name}" captures one segment
  Access access = Access::kAuthenticated;
  std::string permission;  // e.g. "people.write" when access == kPermission
  Handler handler;
  // OpenAPI: a one-line summary, a tag (module), and JSON Schema texts (may be empty).
  std::string summary;
  std::string tag;
  std::string request_schema;   // JSON Schema of the body, "" for none
  std::string response_schema;  // JSON Schema of the 2xx body, "" for none
  int success_status = 200;
};

using RouteTable = std::vector<Route>;

}  // namespace xinan::http

// Request: the project's own small HTTP request type. Modules see only this, never Beast.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "security/principal.h"

namespace xinan::http {

struct Request {
  std::string method;        // "GET", "POST", ...
  std::string target;        // raw target, "/api/v1/people?q=%E5%BC%A0"
  std::string path;          // decoded path without the query, "/api/v1/people"
  std::map<std::string, std::string> query;        // decoded query parameters
  std::map<std::string, std::string> headers;      // names lower-cased
  std::map<std::string, std::string> path_params;  // filled by the router, "{id}" -> value
  std::string body;
  std::string remote_addr;
  std::string request_id;    // set by the request-id middleware
  std::string lang = "zh-CN";  // "zh-CN" or "en", from Accept-Language
  std::string route_pattern;   // matched route, e.g. "/api/v1/people/{id}" (for metrics)
  std::optional<Principal> principal;  // set by the auth middleware when signed in

  // Header value by case-insensitive name, or "" when absent.
  std::string Header(const std::string& name) const;
  // Query parameter, or `fallback` when absent.
  std::string Query(const std::string& name, const std::string& fallback = "") const;
  // Path parameter captured by the router, or "".
  std::string Param(const std::string& name) const;
  // Value of one cookie, or "".
  std::string Cookie(const std::string& name) const;
};

}  // namespace xinan::http

// Reply: the one shape of a handler body — run a function that yields a Response or a Status,
// and map a failed Status to its problem response. Keeps handlers to parse, call, serialise.
#pragma once

#include <utility>

#include "common/result.h"
#include "http/problem.h"

namespace xinan::http {

// Runs `fn` (returning Result<Response>) and maps failure to Problem(status, req).
template <typename Fn>
Response Reply(const Request& req, Fn&& fn) {
  Result<Response> r = std::forward<Fn>(fn)();
  if (!r.ok()) return Problem(r.status(), req);
  return std::move(r).value();
}

// A 201 response with the resource body and its Location.
inline Response Created(const boost::json::value& body, const std::string& location) {
  Response r = Json(201, body);
  r.SetHeader("Location", location);
  return r;
}

}  // namespace xinan::http

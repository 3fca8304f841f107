// Reply: the one shape of a handler body — run a function that yields a Response or a Status,
// and map a failed Status to its problem response. Keeps handlers to parse, call, serialise.
#pragma once

#include <utility>

#include "common/result.h"
#include "http/problem.h"
#include "security/actor.h"
#include "security/scope.h"

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

// The data scope and the audit actor of a signed-in request (routes with Access != kPublic).
inline security::Scope ScopeOf(const Request& req) { return security::Scope::Of(*req.principal); }
inline security::Actor ActorOf(const Request& req) {
  return security::Actor::Of(*req.principal, req.request_id);
}

}  // namespace xinan::http

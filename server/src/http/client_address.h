// The address of the client behind a request, for per-client rate limits and lockouts. Behind a
// load balancer every TCP peer is the balancer; the balancer names the client in
// X-Forwarded-For, which only a trusted proxy may be believed about.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace xinan::http {

// `peer` unless it is one of `trusted_proxies` (exact addresses); then the rightmost address of
// `forwarded_for` (a comma-separated X-Forwarded-For list) that is not a trusted proxy itself —
// the one the outermost trusted proxy saw. Entries further left were written by the client and
// are never believed. Falls back to `peer` when the header names no one else.
std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          const std::vector<std::string>& trusted_proxies);

}  // namespace xinan::http

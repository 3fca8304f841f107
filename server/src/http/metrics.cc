#include "http/metrics.h"

#include <sstream>

namespace xinan::http {

namespace {

// The method as a label: the standard ones by name, any other token a client sends as OTHER, so
// made-up methods cannot add series without end.
const std::string& MethodLabel(const std::string& method) {
  static const std::string kKnown[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
  static const std::string kOther = "OTHER";
  for (const auto& m : kKnown) if (m == method) return m;
  return kOther;
}

}  // namespace

void HttpMetrics::Observe(const std::string& route, const std::string& method, int status,
                          double seconds) {
  std::lock_guard lock(mu_);
  requests_[{route, MethodLabel(method), status}]++;
  Histogram& h = latency_[route];
  for (size_t i = 0; i < kBounds.size(); ++i) if (seconds <= kBounds[i]) h.buckets[i]++;
  h.count++;
  h.sum += seconds;
}

std::string HttpMetrics::Render() const {
  std::lock_guard lock(mu_);
  std::ostringstream o;
  o << "# HELP xinan_http_requests_total HTTP requests by route, method and status.\n"
    << "# TYPE xinan_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [route, method, status] = key;
    o << "xinan_http_requests_total{route=\"" << route << "\",method=\"" << method
      << "\",status=\"" << status << "\"} " << n << "\n";
  }
  o << "# HELP xinan_http_request_duration_seconds Request latency by route.\n"
    << "# TYPE xinan_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    for (size_t i = 0; i < kBounds.size(); ++i) {
      o << "xinan_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\""
        << kBounds[i] << "\"} " << h.buckets[i] << "\n";
    }
    o << "xinan_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} "
      << h.count << "\n"
      << "xinan_http_request_duration_seconds_sum{route=\"" << route << "\"} " << h.sum << "\n"
      << "xinan_http_request_duration_seconds_count{route=\"" << route << "\"} " << h.count << "\n";
  }
  return o.str();
}

}  // namespace xinan::http

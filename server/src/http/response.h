// Response: the project's own small HTTP response type, built by handlers and middleware.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace xinan::http {

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  std::string body;

  void SetHeader(std::string name, std::string value) {
    for (auto& h : headers) {
      if (h.first == name) { h.second = std::move(value); return; }
    }
    headers.emplace_back(std::move(name), std::move(value));
  }
  // The header's value or "" (exact-case name match).
  std::string GetHeader(const std::string& name) const {
    for (const auto& h : headers) if (h.first == name) return h.second;
    return "";
  }

  static Response Text(int status, std::string body, std::string type = "text/plain; charset=utf-8") {
    Response r;
    r.status = status;
    r.content_type = std::move(type);
    r.body = std::move(body);
    return r;
  }
  static Response NoContent() {
    Response r;
    r.status = 204;
    r.content_type.clear();
    return r;
  }
};

}  // namespace xinan::http

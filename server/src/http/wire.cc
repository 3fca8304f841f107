#include "http/wire.h"

#include <boost/beast/http/status.hpp>

namespace xinan::http {
namespace {

void AppendHeader(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).append(": ");
  for (char c : value) out.push_back(c == '\r' || c == '\n' ? ' ' : c);
  out.append("\r\n");
}

bool HasNoBody(int status) { return status < 200 || status == 204 || status == 304; }

}  // namespace

std::string SerializeResponse(Response&& r, unsigned version, bool keep_alive, bool head_request) {
  std::string out;
  out.reserve(256 + r.body.size());
  out.append(version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ").append(std::to_string(r.status)).push_back(' ');
  auto reason = boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(r.status));
  out.append(reason.data(), reason.size());
  out.append("\r\nServer: xinan\r\n");
  if (!r.content_type.empty()) AppendHeader(out, "Content-Type", r.content_type);
  for (const auto& [name, value] : r.headers) AppendHeader(out, name, value);
  if (version == 10 && keep_alive) out.append("Connection: keep-alive\r\n");
  if (version != 10 && !keep_alive) out.append("Connection: close\r\n");
  bool no_body = HasNoBody(r.status);
  if (!no_body) AppendHeader(out, "Content-Length", std::to_string(r.body.size()));
  out.append("\r\n");
  if (!no_body && !head_request) out.append(r.body);
  return out;
}

}  // namespace xinan::http

// The bytes of an HTTP/1.1 response as they go on the wire: status line, headers and body in one
// buffer, so a reply is one write of one buffer (Beast's serializer walked a list of small
// buffers, one per header part, on every reply).
#pragma once

#include <string>

#include "http/response.h"

namespace xinan::http {

// `version` is the request's (10 or 11). Keep-alive is stated as HTTP/1.0 and 1.1 expect it.
// Content-Length is always set except for 1xx, 204 and 304, which carry no body; the answer to a
// HEAD request has the length of the body it leaves out. CR and LF in header values become
// spaces, so no value can start a header of its own.
std::string SerializeResponse(Response&& r, unsigned version, bool keep_alive, bool head_request);

}  // namespace xinan::http

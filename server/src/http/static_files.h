// StaticFiles: serves the built web UI from a directory — content types, ETag/304, long cache
// for hashed assets, gzip when the client accepts it, and the SPA fallback to index.html.
// Files are kept in memory (with their gzip form): hashed assets (assets/…) for good, other
// files (index.html) while their size and modification time stay the same, so a web build
// replaced under a running server is served at once. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "http/request.h"
#include "http/response.h"

namespace xinan::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}
  // The file for a GET/HEAD of req.path, index.html for unknown extension-less paths (SPA
  // routes), or 404. Never serves anything outside the root.
  Response Serve(const Request& req);

  static std::string ContentType(const std::string& path);

 private:
  struct Entry {
    std::string body;
    std::string gzip;  // empty when not worth compressing
    std::string etag;
    std::string type;
    int64_t mtime_ns = 0;
    int64_t size = 0;
  };
  std::shared_ptr<const Entry> Load(const std::string& relative);

  std::string root_;
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> cache_;  // GUARDED_BY(mu_)
};

// gzip (RFC 1952) of `data` with zlib; "" on failure.
std::string Gzip(const std::string& data);

}  // namespace xinan::http

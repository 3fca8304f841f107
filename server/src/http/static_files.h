// StaticFiles: serves the built web UI from a directory — content types, ETag/304, long cache
// for hashed assets, gzip when the client accepts it, and the SPA fallback to index.html.
// Files are kept in memory (with their gzip form): hashed assets (assets/…) for good, other
// files (index.html) while their size and modification time stay the same, so a web build
// replaced under a running server is served at once. The cache is keyed by the normalised path
// (no empty or "." segments), so it holds at most one entry per file of the root however a
// client spells the path. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
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
  // How many files are held in memory.
  size_t CachedFiles();

 private:
  struct Entry {
    std::string body;
    std::string gzip;  // empty when not worth compressing
    std::string etag, gzip_etag;  // each representation its own (strong) validator
    std::string type;
    int64_t mtime_ns = 0;
    int64_t size = 0;
  };
  std::shared_ptr<const Entry> Load(const std::string& relative);

  std::string root_;
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> cache_;  // GUARDED_BY(mu_)
};

// The path below the web root that `url_path` (decoded, starting with "/") names: "." and empty
// segments dropped, "dir/" → "dir/index.html", "/" → "index.html"; nullopt for a ".." segment,
// a backslash or a NUL.
std::optional<std::string> NormalRelative(std::string_view url_path);

// Whether an If-None-Match header value (a list, weak or strong tags, or "*") matches `etag`.
bool EtagMatches(std::string_view if_none_match, std::string_view etag);

// gzip (RFC 1952) of `data` with zlib; "" on failure.
std::string Gzip(const std::string& data);

}  // namespace xinan::http

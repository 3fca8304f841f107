#include "http/static_files.h"

#include <sys/stat.h>
#include <zlib.h>

#include <fstream>
#include <optional>
#include <utility>
#include <sstream>

#include "security/tokens.h"

namespace xinan::http {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool Compressible(const std::string& type) {
  return type.rfind("text/", 0) == 0 || type.find("javascript") != std::string::npos ||
         type.find("json") != std::string::npos || type.find("svg") != std::string::npos;
}

bool SafeRelative(const std::string& rel) {
  if (rel.empty() || rel.find("..") != std::string::npos || rel.find('\\') != std::string::npos) return false;
  return rel.find('\0') == std::string::npos;
}

// A regular file's modification time (ns) and size, or nullopt.
std::optional<std::pair<int64_t, int64_t>> FileStamp(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return std::make_pair(static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                        static_cast<int64_t>(st.st_size));
}

}  // namespace

std::string Gzip(const std::string& data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK) return "";
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : "";
}

std::string StaticFiles::ContentType(const std::string& p) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".gif", "image/gif"},
      {".ico", "image/x-icon"}, {".woff2", "font/woff2"}, {".woff", "font/woff"},
      {".ttf", "font/ttf"}, {".txt", "text/plain; charset=utf-8"}, {".map", "application/json"},
      {".webmanifest", "application/manifest+json"}};
  for (const auto& [ext, type] : kTypes) if (EndsWith(p, ext)) return type;
  return "application/octet-stream";
}

std::shared_ptr<const StaticFiles::Entry> StaticFiles::Load(const std::string& rel) {
  const bool immutable = rel.rfind("assets/", 0) == 0;  // content-hashed names
  std::shared_ptr<const Entry> cached;
  {
    std::lock_guard lock(mu_);
    if (auto it = cache_.find(rel); it != cache_.end()) cached = it->second;
  }
  if (cached && immutable) return cached;
  std::string full = root_ + "/" + rel;
  auto stamp = FileStamp(full);
  if (!stamp) return nullptr;
  if (cached && cached->mtime_ns == stamp->first && cached->size == stamp->second) return cached;
  std::ifstream in(full, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  auto e = std::make_shared<Entry>();
  e->body = buf.str();
  e->type = ContentType(rel);
  e->mtime_ns = stamp->first;
  e->size = stamp->second;
  e->etag = "\"" + security::Sha256Hex(e->body).substr(0, 32) + "\"";
  if (Compressible(e->type) && e->body.size() > 512) e->gzip = Gzip(e->body);
  std::lock_guard lock(mu_);
  cache_[rel] = e;
  return e;
}

Response StaticFiles::Serve(const Request& req) {
  std::string rel = req.path.size() > 1 ? req.path.substr(1) : "index.html";
  if (!rel.empty() && rel.back() == '/') rel += "index.html";
  std::shared_ptr<const Entry> e;
  if (SafeRelative(rel)) e = Load(rel);
  bool spa_route = rel.find('.') == std::string::npos;
  if (!e && spa_route) {
    rel = "index.html";
    e = Load(rel);
  }
  if (!e) return Response::Text(404, "not found");
  Response r;
  r.content_type = e->type;
  r.SetHeader("ETag", e->etag);
  r.SetHeader("Cache-Control", rel.rfind("assets/", 0) == 0 ? "public, max-age=31536000, immutable"
                                                            : "no-cache");
  r.SetHeader("Vary", "Accept-Encoding");
  if (req.Header("if-none-match") == e->etag) {
    r.status = 304;
    return r;
  }
  if (!e->gzip.empty() && req.Header("accept-encoding").find("gzip") != std::string::npos) {
    r.body = e->gzip;
    r.SetHeader("Content-Encoding", "gzip");
  } else {
    r.body = e->body;
  }
  return r;
}

}  // namespace xinan::http

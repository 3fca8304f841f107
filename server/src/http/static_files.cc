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

// A regular file's modification time (ns) and size, or nullopt.
std::optional<std::pair<int64_t, int64_t>> FileStamp(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return std::make_pair(static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                        static_cast<int64_t>(st.st_size));
}

}  // namespace

std::optional<std::string> NormalRelative(std::string_view url_path) {
  if (url_path.find('\\') != std::string_view::npos || url_path.find('\0') != std::string_view::npos) return std::nullopt;
  std::string out;
  size_t start = 0;
  while (start <= url_path.size()) {
    size_t end = url_path.find('/', start);
    if (end == std::string_view::npos) end = url_path.size();
    std::string_view seg = url_path.substr(start, end - start);
    if (seg == "..") return std::nullopt;
    if (!seg.empty() && seg != ".") {
      if (!out.empty()) out += '/';
      out += seg;
    }
    start = end + 1;
  }
  const bool dir = url_path.empty() || url_path.back() == '/';
  if (dir) out += out.empty() ? "index.html" : "/index.html";
  return out;
}

bool EtagMatches(std::string_view header, std::string_view etag) {
  size_t start = 0;
  while (start < header.size()) {
    size_t end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view tag = header.substr(start, end - start);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag.rfind("W/", 0) == 0) tag.remove_prefix(2);  // If-None-Match compares weakly
    if (tag == "*" || tag == etag) return true;
    start = end + 1;
  }
  return false;
}

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
  const std::string hash = security::Sha256Hex(e->body).substr(0, 32);
  e->etag = "\"" + hash + "\"";
  e->gzip_etag = "\"" + hash + "-gz\"";
  if (Compressible(e->type) && e->body.size() > 512) e->gzip = Gzip(e->body);
  std::lock_guard lock(mu_);
  cache_[rel] = e;
  return e;
}

size_t StaticFiles::CachedFiles() {
  std::lock_guard lock(mu_);
  return cache_.size();
}

Response StaticFiles::Serve(const Request& req) {
  std::optional<std::string> normal = NormalRelative(req.path);
  std::string rel = normal.value_or(req.path);
  std::shared_ptr<const Entry> e;
  if (normal) e = Load(rel);
  bool spa_route = rel.find('.') == std::string::npos;
  if (!e && spa_route) {
    rel = "index.html";
    e = Load(rel);
  }
  if (!e) return Response::Text(404, "not found");
  Response r;
  r.content_type = e->type;
  const bool gzip = !e->gzip.empty() && req.Header("accept-encoding").find("gzip") != std::string::npos;
  const std::string& etag = gzip ? e->gzip_etag : e->etag;
  r.SetHeader("ETag", etag);
  r.SetHeader("Cache-Control", rel.rfind("assets/", 0) == 0 ? "public, max-age=31536000, immutable"
                                                            : "no-cache");
  r.SetHeader("Vary", "Accept-Encoding");
  if (EtagMatches(req.Header("if-none-match"), etag)) {
    r.status = 304;
    return r;
  }
  if (gzip) {
    r.body = e->gzip;
    r.SetHeader("Content-Encoding", "gzip");
  } else {
    r.body = e->body;
  }
  return r;
}

}  // namespace xinan::http

#include "http/router.h"

#include <algorithm>

namespace xinan::http {
namespace {

// Number of literal segments: more literal = more specific.
int Specificity(const std::vector<std::string>& segs) {
  return static_cast<int>(std::count_if(segs.begin(), segs.end(),
                                        [](const std::string& s) { return s.empty() || s[0] != '{'; }));
}

bool MatchSegments(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
                   std::map<std::string, std::string>& params) {
  if (pattern.size() != path.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const std::string& p = pattern[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      if (path[i].empty()) return false;
      params[p.substr(1, p.size() - 2)] = path[i];
    } else if (p != path[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < path.size()) {
    if (path[pos] == '/') { ++pos; continue; }
    size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

void Router::Add(Route route) {
  patterns_.push_back(SplitPath(route.pattern));
  routes_.push_back(std::move(route));
}

Router::Match Router::Find(const std::string& method, const std::string& path) const {
  std::vector<std::string> segs = SplitPath(path);
  Match best;
  int best_score = -1;
  for (size_t i = 0; i < routes_.size(); ++i) {
    const Route& r = routes_[i];
    const std::vector<std::string>& pattern = patterns_[i];
    std::map<std::string, std::string> params;
    if (!MatchSegments(pattern, segs, params)) continue;
    if (r.method != method && !(method == "HEAD" && r.method == "GET")) {
      best.allowed_methods.push_back(r.method);
      continue;
    }
    int score = Specificity(pattern);
    if (score > best_score) {
      best_score = score;
      best.route = &r;
      best.params = std::move(params);
    }
  }
  if (best.route) best.allowed_methods.clear();
  return best;
}

}  // namespace xinan::http

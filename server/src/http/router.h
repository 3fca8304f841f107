// Router: matches a method and a decoded path against the route tables of every module.
// Patterns are literal segments and "{name}" captures of one segment; literal segments win
// over captures ("/people/tags" before "/people/{id}").
#pragma once

#include <map>
#include <string>
#include <vector>

#include "http/route.h"

namespace xinan::http {

class Router {
 public:
  // Not thread-safe; add every route before matching.
  void Add(Route route);

  struct Match {
    const Route* route = nullptr;              // null when nothing matched
    std::map<std::string, std::string> params;
    std::vector<std::string> allowed_methods;  // when the path matched but not the method
  };
  // Thread-safe once built.
  Match Find(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> patterns_;  // routes_[i].pattern split
};

// "/a/b/" → {"a", "b"}; an empty path → {}.
std::vector<std::string> SplitPath(const std::string& path);

}  // namespace xinan::http

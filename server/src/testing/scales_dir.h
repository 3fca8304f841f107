// Where the repository's scales/ folder is, for tests: $XINAN_SCALES_DIR, else found by walking
// up from the working directory and from the test binary.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace xinan::testing {

inline std::string ScalesDir() {
  if (const char* env = std::getenv("XINAN_SCALES_DIR")) return env;
  char exe[4096] = {};
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  for (std::filesystem::path start : {std::filesystem::current_path(),
                                      std::filesystem::path(std::string(exe, n > 0 ? n : 0))}) {
    for (auto p = start; !p.empty() && p != p.root_path(); p = p.parent_path()) {
      if (std::filesystem::exists(p / "scales" / "phq9.json")) return (p / "scales").string();
    }
  }
  return "scales";
}

}  // namespace xinan::testing

#include "cli/config.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace xinan::cli {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::string EnvName(std::string key) {
  std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) {
    return c == '-' || c == '.' ? '_' : static_cast<char>(std::toupper(c));
  });
  return "XINAN_" + key;
}

std::string ConfigPath(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--config") == 0 && i + 1 < argc) return argv[i + 1];
    if (std::strncmp(argv[i], "--config=", 9) == 0) return argv[i] + 9;
  }
  const char* env = std::getenv("XINAN_CONFIG");
  return env ? env : "";
}

}  // namespace

Status ApplyConfigFile(int argc, char** argv) {
  std::string path = ConfigPath(argc, argv);
  if (path.empty()) return Status::Ok();
  std::ifstream in(path);
  if (!in) return Status::Invalid("config_unreadable", {}, "cannot read config file " + path);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    // A comment is a line of its own: a '#' inside a value (a password in a PostgreSQL URL) is
    // part of the value.
    line = Trim(line);
    if (line.empty() || line[0] == '#' || line[0] == '[') continue;
    size_t eq = line.find('=');
    if (eq == std::string::npos) {
      return Status::Invalid("config_malformed", {}, path + ":" + std::to_string(n) + ": expected key = value");
    }
    std::string key = Trim(line.substr(0, eq)), value = Trim(line.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    setenv(EnvName(key).c_str(), value.c_str(), /*overwrite=*/0);
  }
  return Status::Ok();
}

security::PasswordCost ParseCost(const std::string& s) {
  return s == "minimum" ? security::PasswordCost::kMinimum : security::PasswordCost::kInteractive;
}

}  // namespace xinan::cli

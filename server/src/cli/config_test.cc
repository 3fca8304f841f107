// The config file: key = value lines below flags and the environment.
#include "cli/config.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "testing/temp_dir.h"

namespace xinan::cli {
namespace {

TEST(ConfigFile, CommentsAreWholeLinesAndTheEnvironmentWins) {
  testing::TempDir dir("xinan_config_");
  std::string path = (dir.path() / "xinan.conf").string();
  std::ofstream(path) << "# xinan\n"
                         "  # indented comment\n"
                         "[serve]\n"
                         "db = postgresql://xinan:pa#ss@db-host:5432/xinan\n"
                         "listen = \"0.0.0.0:9000\"\n"
                         "web-root = /srv/web\n";
  unsetenv("XINAN_DB");
  unsetenv("XINAN_LISTEN");
  setenv("XINAN_WEB_ROOT", "/from/env", 1);
  std::string flag = "--config=" + path;
  char prog[] = "xinan";
  char* argv[] = {prog, flag.data(), nullptr};
  ASSERT_TRUE(ApplyConfigFile(2, argv).ok());
  EXPECT_STREQ(std::getenv("XINAN_DB"), "postgresql://xinan:pa#ss@db-host:5432/xinan") << "a '#' inside a value stays";
  EXPECT_STREQ(std::getenv("XINAN_LISTEN"), "0.0.0.0:9000");
  EXPECT_STREQ(std::getenv("XINAN_WEB_ROOT"), "/from/env") << "the environment outranks the file";
  unsetenv("XINAN_DB");
  unsetenv("XINAN_LISTEN");
  unsetenv("XINAN_WEB_ROOT");
}

}  // namespace
}  // namespace xinan::cli

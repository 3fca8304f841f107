// Configuration: command-line flags win over environment variables (XINAN_*), which win over
// the optional config file (`--config FILE` or XINAN_CONFIG; lines `key = value`, '#' comments).
// The file is applied by exporting XINAN_<KEY> for every key whose variable is unset, so one
// precedence rule (CLI11's flag-then-env) covers all three sources.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "security/password.h"

namespace xinan::cli {

// Settings every command shares.
struct CommonConfig {
  std::string db = "sqlite:./data/xinan.db";
  std::string data_key_file = "./data/xinan.key";
};

struct ServeConfig {
  std::string listen = "127.0.0.1:8080";
  std::string web_root = "./web/dist";
  int io_threads = 0;
  int workers = 16;  // pool for work off the IO threads; also sizes the read pool (ServicesFor)
  int max_body_kib = 1024;
  int read_timeout = 30;
  int idle_timeout = 75;
  int max_login_failures = 5;
  int lockout_minutes = 15;
  int login_attempts_per_minute = 30;  // per client address
  int session_idle_minutes = 30;
  int session_cache_ms = 2000;  // reuse an authenticated session from memory this long
  int session_absolute_hours = 12;
  std::string password_cost = "interactive";  // interactive | minimum (tests only)
  int group_commit_max_batch = 512;
  int group_commit_wait_us = 300;
  // SQLite: the WAL file is written out to this size at start (store::ReserveWal). 260 MB is a
  // little more than the WAL reaches before it starts over (65,536 frames of 4 KB + 24 bytes).
  int wal_reserve_mb = 260;
  bool access_log = true;
  std::string scales_dir = "./scales";
  int escalation_interval_seconds = 30;
  // Acknowledgement deadlines of new alerts by level, before escalation to the parent unit.
  int64_t red_deadline_minutes = 120;
  int64_t orange_deadline_minutes = 24 * 60;
  int64_t yellow_deadline_minutes = 72 * 60;
  int self_assessments_per_minute = 30;  // per client address
  std::string public_url = "http://127.0.0.1:8080";  // how residents reach this server (QR codes)
  std::vector<std::string> trusted_proxies;  // load balancers whose X-Forwarded-For is believed
};

// Finds `--config FILE` in argv (or XINAN_CONFIG) and exports its keys as XINAN_* variables
// that are not already set. Lines starting with '#' are comments (a '#' inside a value is kept).
// Fails with the file and line of a malformed entry.
Status ApplyConfigFile(int argc, char** argv);

security::PasswordCost ParseCost(const std::string& s);

}  // namespace xinan::cli

// xinan: one binary for the district's social psychological service platform.
// Subcommands: serve, migrate, seed-demo, import org-units, user add, verify-audit.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <fstream>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/config.h"
#include "cli/serve.h"
#include "cli/services.h"
#include "common/messages.h"
#include "demo/seed.h"
#include "identity/domain/roles.h"
#include "security/tokens.h"

namespace xinan::cli {
namespace {

int Fail(const Status& st) {
  RegisterAllMessages();  // a failure before the services opened still reads in words
  std::cerr << "error: " << st.code();
  if (!st.detail().empty()) std::cerr << ": " << st.detail();
  std::cerr << "\n";
  for (const auto& f : st.fields()) {
    std::cerr << "  " << f.field << ": " << MessageText(f.code, "zh-CN") << " (" << f.code << ")\n";
  }
  return 1;
}

Result<std::unique_ptr<Services>> Open(const CommonConfig& common, const ServeConfig& serve) {
  ServicesOptions o;
  o.cost = ParseCost(serve.password_cost);
  return OpenServices(common, o);
}

int Migrate(const CommonConfig& common) {
  auto s = Open(common, {});
  if (!s.ok()) return Fail(s.status());
  auto v = (*s)->db->SchemaVersion();
  std::cout << "schema version " << (v.ok() ? *v : -1) << " (binary knows "
            << (*s)->db->LatestSchemaVersion() << ")\n";
  return 0;
}

int SeedDemoCmd(const CommonConfig& common, const ServeConfig& serve, const std::string& password,
                int residents) {
  auto s = Open(common, serve);
  if (!s.ok()) return Fail(s.status());
  demo::SeedOptions o{password, residents, ParseCost(serve.password_cost)};
  Status st = demo::SeedDemo(**s, o, std::cout);
  return st.ok() ? 0 : Fail(st);
}

int ImportOrgUnits(const CommonConfig& common, const std::string& file) {
  std::ifstream in(file);
  if (!in) return Fail(Status::Invalid("file_unreadable", {}, file));
  std::stringstream buf;
  buf << in.rdbuf();
  auto lines = org::ParseImportCsv(buf.str());
  if (!lines.ok()) return Fail(lines.status());
  auto s = Open(common, {});
  if (!s.ok()) return Fail(s.status());
  auto n = (*s)->org->Import(security::Actor::System("import"), *lines);
  if (!n.ok()) return Fail(n.status());
  std::cout << "imported " << *n << " org units\n";
  return 0;
}

int UserAdd(const CommonConfig& common, const ServeConfig& serve, const std::string& org_code,
            const std::string& role, const std::string& username, std::string name,
            std::string password) {
  if (!identity::FindRole(role)) return Fail(Status::InvalidField("role", "role_invalid"));
  bool generated = password.empty();
  if (generated) password = security::RandomToken(12);
  if (Status st = security::CheckPasswordPolicy(username, password); !st.ok()) return Fail(st);
  auto s = Open(common, serve);
  if (!s.ok()) return Fail(s.status());
  auto root = security::Scope::AtPath("/");
  auto unit = (*s)->org->GetByCode(root, org_code);
  if (!unit.ok()) return Fail(Status::InvalidField("org", "unit_not_found"));
  auto hash = security::HashPassword(password, ParseCost(serve.password_cost));
  if (!hash.ok()) return Fail(hash.status());
  if (name.empty()) name = username;
  auto u = (*s)->users->Create(security::Actor::System("user-add"), root,
                               {username, name, unit->id, {role}, *hash});
  if (!u.ok()) return Fail(u.status());
  std::cout << "created user " << username << " (" << role << ") in " << unit->name << "\n";
  if (generated) std::cout << "password: " << password << "\n";
  return 0;
}

// Reads the chain as it is: no migration (which could rewrite the table it checks, e.g. on a
// backup opened by a newer binary), no WAL reserve, no data key.
int VerifyAudit(const CommonConfig& common, const std::string& head) {
  RegisterAllMessages();
  store::AuditHead expected;
  if (!head.empty()) {
    size_t colon = head.find(':');
    char* end = nullptr;
    expected.seq = colon == std::string::npos ? 0 : std::strtoll(head.c_str(), &end, 10);
    if (expected.seq < 1 || end != head.c_str() + colon || colon + 1 == head.size()) {
      std::cerr << "--head must be SEQ:HASH as printed by verify-audit\n";
      return 1;
    }
    expected.hash = head.substr(colon + 1);
  }
  // Opening a mistyped SQLite path would create an empty database there.
  std::string file = store::SqliteFileOf(common.db);
  if (!file.empty() && !std::filesystem::exists(file)) {
    std::cerr << "no database at " << file << "\n";
    return 1;
  }
  SystemClock clock;
  store::DatabaseOptions o;
  o.url = common.db;
  o.clock = &clock;
  o.run_migrations = false;
  o.wal_reserve_bytes = 0;
  o.read_pool_size = 1;
  auto db = store::OpenDatabase(o);
  if (!db.ok()) return Fail(db.status());
  auto v = store::VerifyAuditChain(**db, expected);
  if (!v.ok()) return Fail(v.status());
  if (v->ok) {
    std::cout << "audit chain ok: " << v->rows << " rows\n"
              << "head " << v->head_seq << ":" << v->head_hash << "  (keep it outside the database; pass it back with --head)\n";
    return 0;
  }
  std::cout << "audit chain BROKEN at seq " << v->first_broken_seq << ": " << v->reason << "\n";
  return 2;
}

void AddServeOptions(CLI::App* cmd, ServeConfig& c) {
  cmd->add_option("--listen", c.listen, "host:port to listen on")->envname("XINAN_LISTEN")->capture_default_str();
  cmd->add_option("--web-root", c.web_root, "directory of the built web UI")->envname("XINAN_WEB_ROOT")->capture_default_str();
  cmd->add_option("--io-threads", c.io_threads, "IO threads (0 = cores)")->envname("XINAN_IO_THREADS")->capture_default_str();
  cmd->add_option("--workers", c.workers, "threads for work taken off the IO threads (password hashing, PostgreSQL reads, Excel export); also the read connections")->envname("XINAN_WORKERS")->capture_default_str();
  cmd->add_option("--max-body-kib", c.max_body_kib, "largest request body")->envname("XINAN_MAX_BODY_KIB")->capture_default_str();
  cmd->add_option("--read-timeout", c.read_timeout, "seconds to receive a request")->envname("XINAN_READ_TIMEOUT")->capture_default_str();
  cmd->add_option("--idle-timeout", c.idle_timeout, "keep-alive idle seconds")->envname("XINAN_IDLE_TIMEOUT")->capture_default_str();
  cmd->add_option("--max-login-failures", c.max_login_failures, "failed sign-ins before lockout")->envname("XINAN_MAX_LOGIN_FAILURES")->capture_default_str();
  cmd->add_option("--login-rate-per-minute", c.login_attempts_per_minute, "sign-in attempts per client address per minute")->envname("XINAN_LOGIN_RATE_PER_MINUTE")->capture_default_str();
  cmd->add_option("--access-log", c.access_log, "log one line per request (true/false)")->envname("XINAN_ACCESS_LOG")->capture_default_str();
  cmd->add_option("--scales-dir", c.scales_dir, "folder of scale definition files (*.json)")->envname("XINAN_SCALES_DIR")->capture_default_str();
  cmd->add_option("--self-assessment-rate-per-minute", c.self_assessments_per_minute, "public self-assessments per client address per minute")->envname("XINAN_SELF_ASSESSMENT_RATE_PER_MINUTE")->capture_default_str();
  cmd->add_option("--trusted-proxies", c.trusted_proxies, "addresses of load balancers whose X-Forwarded-For names the client (comma-separated); rate limits and lockouts then count per client")->envname("XINAN_TRUSTED_PROXIES")->delimiter(',');
  cmd->add_option("--public-url", c.public_url, "address residents use to reach xinan (for QR codes)")->envname("XINAN_PUBLIC_URL")->capture_default_str();
  cmd->add_option("--escalation-interval", c.escalation_interval_seconds, "seconds between escalation runs")->envname("XINAN_ESCALATION_INTERVAL")->capture_default_str();
  cmd->add_option("--red-deadline-minutes", c.red_deadline_minutes, "minutes to acknowledge a red alert before it escalates")->envname("XINAN_RED_DEADLINE_MINUTES")->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_option("--orange-deadline-minutes", c.orange_deadline_minutes, "minutes to acknowledge an orange alert")->envname("XINAN_ORANGE_DEADLINE_MINUTES")->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_option("--yellow-deadline-minutes", c.yellow_deadline_minutes, "minutes to acknowledge a yellow alert")->envname("XINAN_YELLOW_DEADLINE_MINUTES")->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_option("--lockout-minutes", c.lockout_minutes, "lockout length")->envname("XINAN_LOCKOUT_MINUTES")->capture_default_str();
  cmd->add_option("--session-cache-ms", c.session_cache_ms, "reuse an authenticated session from memory this long; another instance's logout is seen within it (0 = off)")->envname("XINAN_SESSION_CACHE_MS")->capture_default_str();
  cmd->add_option("--session-idle-minutes", c.session_idle_minutes, "session idle expiry")->envname("XINAN_SESSION_IDLE_MINUTES")->capture_default_str();
  cmd->add_option("--session-absolute-hours", c.session_absolute_hours, "session absolute expiry")->envname("XINAN_SESSION_ABSOLUTE_HOURS")->capture_default_str();
  cmd->add_option("--group-commit-max-batch", c.group_commit_max_batch, "writes per commit at most")->envname("XINAN_GROUP_COMMIT_MAX_BATCH")->capture_default_str();
  cmd->add_option("--group-commit-wait-us", c.group_commit_wait_us, "microseconds to fill a batch")->envname("XINAN_GROUP_COMMIT_WAIT_US")->capture_default_str();
  cmd->add_option("--wal-reserve-mb", c.wal_reserve_mb, "SQLite: write the WAL file out to this size at start, so commits overwrite allocated space and sync faster (0 = off)")->envname("XINAN_WAL_RESERVE_MB")->check(CLI::Range(0, 65536))->capture_default_str();
}

}  // namespace

int Main(int argc, char** argv) {
  if (Status st = ApplyConfigFile(argc, argv); !st.ok()) return Fail(st);
  CLI::App app{"xinan (心安): the district social psychological service platform"};
  app.require_subcommand(1);
  CommonConfig common;
  ServeConfig serve;
  std::string config_file;
  app.add_option("--config", config_file, "config file (key = value lines); lowest precedence")->envname("XINAN_CONFIG");
  app.add_option("--db", common.db, "database: sqlite:PATH or postgresql://…")->envname("XINAN_DB")->capture_default_str();
  app.add_option("--data-key-file", common.data_key_file, "data key for ID numbers and phones (created 0600 if missing)")->envname("XINAN_DATA_KEY_FILE")->capture_default_str();
  app.add_option("--password-cost", serve.password_cost, "Argon2id cost: interactive, or minimum for tests")->envname("XINAN_PASSWORD_COST")->check(CLI::IsMember({"interactive", "minimum"}))->capture_default_str();

  auto* serve_cmd = app.add_subcommand("serve", "run the HTTP server (API and web UI)");
  AddServeOptions(serve_cmd, serve);
  app.add_subcommand("migrate", "bring the database schema up to date");
  auto* seed = app.add_subcommand("seed-demo", "create a fictional demo district and print its logins");
  std::string seed_password;
  int residents = 300;
  seed->add_option("--password", seed_password, "one password for every demo user (default: random each)");
  seed->add_option("--residents", residents, "number of fictional residents")->capture_default_str();
  auto* import = app.add_subcommand("import", "import data from files");
  std::string org_file;
  import->require_subcommand(1);
  import->add_subcommand("org-units", "import an org-unit tree from CSV (code,name,level,parent_code[,hotline])")
      ->add_option("FILE", org_file, "CSV file")->required();
  auto* user = app.add_subcommand("user", "manage users");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "create a user (e.g. the first district admin)");
  std::string org_code, role, username, name, password;
  user_add->add_option("--org", org_code, "12-digit code of the user's org unit")->required();
  user_add->add_option("--role", role, "role code, e.g. district_admin")->required();
  user_add->add_option("--username", username, "login name")->required();
  user_add->add_option("--name", name, "display name");
  user_add->add_option("--password", password, "initial password (default: generated and printed)");
  auto* verify = app.add_subcommand("verify-audit", "walk the audit hash chain and report the first broken link");
  std::string head;
  verify->add_option("--head", head,
                     "SEQ:HASH printed by an earlier run: the chain must still hold that row unchanged "
                     "(catches deleted newest rows and a chain rewritten whole)");

  CLI11_PARSE(app, argc, argv);
  if (*serve_cmd) return RunServe(common, serve);
  if (app.got_subcommand("migrate")) return Migrate(common);
  if (*seed) return SeedDemoCmd(common, serve, seed_password, residents);
  if (*import) return ImportOrgUnits(common, org_file);
  if (*user_add) return UserAdd(common, serve, org_code, role, username, name, password);
  if (*verify) return VerifyAudit(common, head);
  return 1;
}

}  // namespace xinan::cli

int main(int argc, char** argv) { return xinan::cli::Main(argc, argv); }

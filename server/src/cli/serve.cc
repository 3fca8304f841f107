#include "cli/serve.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
#include <sstream>
#include <thread>

#include "alerts/http/alert_routes.h"
#include "assess/http/assess_routes.h"
#include "audit/audit_routes.h"
#include "campaigns/http/campaign_routes.h"
#include "cli/escalation_scheduler.h"
#include "common/buffered_log_sink.h"
#include "fhir/http/fhir_routes.h"
#include "http/app.h"
#include "http/server.h"
#include "identity/domain/roles.h"
#include "identity/http/identity_routes.h"
#include "org/http/org_routes.h"
#include "people/http/people_routes.h"

namespace xinan::cli {
namespace {

// Every connection holds a file descriptor: take the hard limit the system allows (often 524288)
// instead of the soft default of 1,024, which a few hundred idle clients could exhaust.
void RaiseOpenFileLimit() {
  struct rlimit lim {};
  if (getrlimit(RLIMIT_NOFILE, &lim) != 0 || lim.rlim_cur >= lim.rlim_max) return;
  lim.rlim_cur = lim.rlim_max;
  if (setrlimit(RLIMIT_NOFILE, &lim) != 0) spdlog::warn("could not raise the open-file limit");
}

// Prometheus text of the group-commit statistics.
std::string CommitMetrics(store::Database& db) {
  store::WriteStats st = db.Stats();
  std::ostringstream o;
  o << "# HELP xinan_db_commit_batch_size Jobs per group-commit transaction.\n"
    << "# TYPE xinan_db_commit_batch_size histogram\n";
  uint64_t cumulative = 0;
  for (const auto& [bound, count] : st.batch_size_buckets) {
    cumulative = count;
    o << "xinan_db_commit_batch_size_bucket{le=\"" << bound << "\"} " << cumulative << "\n";
  }
  o << "xinan_db_commit_batch_size_bucket{le=\"+Inf\"} " << st.batches << "\n"
    << "xinan_db_commit_batch_size_sum " << st.jobs << "\n"
    << "xinan_db_commit_batch_size_count " << st.batches << "\n"
    << "# TYPE xinan_db_write_jobs_failed_total counter\n"
    << "xinan_db_write_jobs_failed_total " << st.failed_jobs << "\n";
  // Where a write's time goes (means: divide by the batch-size _sum for jobs, _count for
  // batches, or by xinan_db_wal_syncs_total).
  auto seconds = [&o](const char* name, const char* help, uint64_t micros) {
    o << "# HELP " << name << " " << help << "\n# TYPE " << name << " counter\n"
      << name << " " << std::to_string(static_cast<double>(micros) / 1e6) << "\n";
  };
  seconds("xinan_db_write_queue_seconds_total", "Time write jobs waited for their batch to begin, summed over jobs.", st.queue_micros);
  seconds("xinan_db_write_batch_seconds_total", "Time the writer spent in transactions, BEGIN to COMMIT, summed over batches.", st.batch_micros);
  seconds("xinan_db_write_sync_wait_seconds_total", "Time write jobs waited from their commit until it was durable (SQLite), summed over jobs.", st.sync_wait_micros);
  o << "# TYPE xinan_db_wal_syncs_total counter\nxinan_db_wal_syncs_total " << st.syncs << "\n"
    << "# HELP xinan_db_durability_lost 1 once a WAL sync failed: writes are refused until restart.\n"
    << "# TYPE xinan_db_durability_lost gauge\nxinan_db_durability_lost " << (st.durability_lost ? 1 : 0) << "\n";
  seconds("xinan_db_wal_sync_seconds_total", "Time inside the WAL syncs (fdatasync) that made commits durable.", st.sync_micros);
  o << "# HELP xinan_db_wal_sync_duration_seconds How long each WAL sync (fdatasync) took.\n"
    << "# TYPE xinan_db_wal_sync_duration_seconds histogram\n";
  for (const auto& [bound, count] : st.sync_duration_buckets) {
    o << "xinan_db_wal_sync_duration_seconds_bucket{le=\"" << static_cast<double>(bound) / 1e6 << "\"} " << count << "\n";
  }
  o << "xinan_db_wal_sync_duration_seconds_bucket{le=\"+Inf\"} " << st.syncs << "\n"
    << "xinan_db_wal_sync_duration_seconds_sum " << std::to_string(static_cast<double>(st.sync_micros) / 1e6) << "\n"
    << "xinan_db_wal_sync_duration_seconds_count " << st.syncs << "\n";
  return o.str();
}

ServicesOptions ServicesFor(const ServeConfig& c) {
  ServicesOptions o;
  o.policy.max_failures = c.max_login_failures;
  o.policy.lockout_millis = int64_t{c.lockout_minutes} * 60 * 1000;
  o.policy.session_idle_millis = int64_t{c.session_idle_minutes} * 60 * 1000;
  o.policy.session_absolute_millis = int64_t{c.session_absolute_hours} * 3600 * 1000;
  o.cost = ParseCost(c.password_cost);
  o.login_attempts_per_minute = c.login_attempts_per_minute;
  o.session_cache_millis = int64_t{c.session_cache_ms};
  o.max_batch = c.group_commit_max_batch;
  o.max_wait_micros = c.group_commit_wait_us;
  o.wal_reserve_bytes = int64_t{c.wal_reserve_mb} << 20;
  // A PostgreSQL read runs on a worker thread: with a connection per worker, requests wait in
  // the pool's FIFO queue instead of for a connection (an unordered wait that stretched p99).
  // SQLite reads run on the IO threads. At most 32, whatever --workers says.
  int io_threads = c.io_threads > 0 ? c.io_threads : static_cast<int>(std::thread::hardware_concurrency());
  o.read_pool_size = std::max({1, io_threads, std::min(c.workers, 32)});
  return o;
}

alerts::DeadlinePolicy DeadlinesOf(const ServeConfig& c) {
  constexpr int64_t kMinute = 60 * 1000;
  return {c.red_deadline_minutes * kMinute, c.orange_deadline_minutes * kMinute,
          c.yellow_deadline_minutes * kMinute};
}

// While serving, log lines are formatted into a memory buffer by the thread that logs them and
// written to stdout every second, as soon as a warning or error is logged, and whenever 256 KB
// are buffered (BufferedLogSink; lines not yet written are lost if the process is killed). A
// request that logs (an alert raised, a 4xx/5xx, the access log) neither writes to the console
// nor wakes a logging thread: per line, a queue to a logging thread cost its futex wake-up, and
// the access log that way cost 10-27 µs of CPU per request. At the end what is buffered is
// written and logging is direct again.
class BufferedLogging {
 public:
  BufferedLogging() : level_(spdlog::get_level()), sink_(std::make_shared<BufferedLogSink>(stdout)) {
    Install(std::make_shared<spdlog::logger>("xinan", sink_));
    spdlog::default_logger()->flush_on(spdlog::level::warn);
    spdlog::flush_every(std::chrono::seconds(1));
  }
  ~BufferedLogging() {
    spdlog::shutdown();  // stops the periodic flush and flushes
    sink_->flush();
    Install(std::make_shared<spdlog::logger>(
        "xinan", std::make_shared<spdlog::sinks::stdout_color_sink_mt>()));
  }

 private:
  void Install(std::shared_ptr<spdlog::logger> logger) {
    logger->set_level(level_);
    spdlog::set_default_logger(std::move(logger));
  }

  spdlog::level::level_enum level_;
  std::shared_ptr<BufferedLogSink> sink_;
};

}  // namespace

int RunServe(const CommonConfig& common, const ServeConfig& c) {
  BufferedLogging logging;
  RaiseOpenFileLimit();
  auto services = OpenServices(common, ServicesFor(c));
  if (!services.ok()) {
    spdlog::error("cannot start: {}", services.status().ToString());
    return 1;
  }
  Services& s = **services;
  auto scales = assess::ScaleLibrary::LoadDirectory(c.scales_dir);
  if (!scales.ok()) {
    spdlog::error("cannot start: broken scale definition: {}", scales.status().detail());
    return 1;
  }
  alerts::LogNotifier notifier;
  // Rules are read once per submission otherwise; another instance's rule change applies
  // within this time.
  constexpr int64_t kRulesCacheMillis = 5000;
  alerts::RuleStore rules(*s.db, &s.clock, kRulesCacheMillis);
  alerts::NotificationStore notifications(*s.db);
  auto scale_known = [lib = &*scales](const std::string& code) { return lib->Latest(code) != nullptr; };
  assess::AssessmentStore assessments(*s.db, *scales, DeadlinesOf(c), rules, *s.cipher, &notifier);
  alerts::AlertStore alert_store(*s.db, DeadlinesOf(c), &notifier, s.cipher.get());
  campaigns::CampaignStore campaign_store(*s.db, *s.cipher, s.clock, scale_known);
  http::AppHooks hooks;
  hooks.authenticate = [&s](http::Request& r) { identity::AuthenticateRequest(*s.auth, r); };
  hooks.allowed = [](const Principal& p, const std::string& perm) {
    return identity::HasPermission(p.roles, perm);
  };
  hooks.extra_metrics = [&s] { return CommitMetrics(*s.db); };
  hooks.healthy = [&s] { return s.db->SchemaVersion().ok() && !s.db->Stats().durability_lost; };
  http::AppOptions app_options;
  app_options.web_root = c.web_root;
  app_options.access_log = c.access_log;
  http::App app(app_options, hooks);
  app.AddRoutes(identity::AuthRoutes(*s.auth, c.public_url.rfind("https://", 0) == 0));
  app.AddRoutes(identity::UserRoutes(*s.users, s.clock, ParseCost(c.password_cost)));
  app.AddRoutes(org::OrgRoutes(*s.org));
  app.AddRoutes(people::PeopleRoutes(*s.people));
  app.AddRoutes(audit::AuditRoutes(*s.audit, *s.db));
  app.AddRoutes(assess::AssessRoutes(assessments, s.clock, c.self_assessments_per_minute, c.public_url));
  app.AddRoutes(alerts::AlertRoutes(alert_store, s.clock));
  app.AddRoutes(fhir::FhirRoutes(assessments, c.public_url));
  app.AddRoutes(alerts::RuleRoutes(rules, [lib = &*scales](const std::string& code) {
    const assess::Scale* scale = lib->Latest(code);
    return scale ? std::optional(scale->TotalRange()) : std::nullopt;
  }));
  app.AddRoutes(alerts::NotificationRoutes(notifications));
  app.AddRoutes(campaigns::CampaignRoutes(campaign_store, *scales));

  http::ServerOptions so;
  so.listen = c.listen;
  so.io_threads = c.io_threads;
  so.worker_threads = c.workers;
  so.max_body_bytes = static_cast<size_t>(c.max_body_kib) * 1024;
  so.read_timeout_seconds = c.read_timeout;
  so.idle_timeout_seconds = c.idle_timeout;
  so.trusted_proxies = c.trusted_proxies;
  http::Server server(so, [&app](http::Request& r) { return app.Handle(r); });
  if (Status st = server.Start(); !st.ok()) {
    spdlog::error("cannot listen on {}: {}", c.listen, st.ToString());
    return 1;
  }
  spdlog::info("xinan serving on port {} (database: {})", server.port(),
               s.db->engine() == store::Engine::kSqlite ? "sqlite" : "postgresql");
  spdlog::default_logger()->flush();  // at once, not within the second: scripts wait for this line
  EscalationScheduler escalation(alert_store, s.clock, c.escalation_interval_seconds);
  server.WaitForSignal();
  escalation.Stop();
  s.db->Close();
  spdlog::info("xinan stopped cleanly");
  return 0;
}

}  // namespace xinan::cli

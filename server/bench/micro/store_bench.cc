// Micro-benchmarks of the resident registry on SQLite, in process: what a list, an audited detail
// read and a durable create cost in the store on their own, and a list through the App (routing,
// authentication, handler, JSON) without sockets, and PHQ-9 self-assessments through the
// assessment store, so a change can be measured without the noise of the network path and the
// load generator. Run by `make bench`; figures only.
//
// The database is a demo district (seed-demo, 200 residents) in a temporary folder; creates add
// residents to one village, reads come from another, as in the HTTP benchmark.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "alerts/store/rule_store.h"
#include "assess/store/assessment_store.h"
#include "cli/services.h"
#include "demo/seed.h"
#include "http/app.h"
#include "identity/domain/roles.h"
#include "identity/http/identity_routes.h"
#include "people/http/people_routes.h"
#include "security/tokens.h"
#include "testing/scales_dir.h"

namespace xinan {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCreateVillage = "330499001001";
constexpr const char* kReadVillage = "330499002001";

// One seeded database for the whole program; removed at exit.
class District {
 public:
  static District& Get() {
    static District d;
    return d;
  }
  cli::Services& services() { return *services_; }
  const org::OrgUnit& create_unit() const { return create_unit_; }
  security::Scope ReadScope() const { return security::Scope::AtPath(read_unit_.path); }
  security::Scope CreateScope() const { return security::Scope::AtPath(create_unit_.path); }
  security::Scope DistrictScope() const { return security::Scope::AtPath("/"); }
  const std::string& read_person() const { return read_person_; }
  const std::string& reader_token() const { return reader_token_; }
  // The assessment store as `xinan serve` wires it (rules cached 5 s, default deadlines).
  assess::AssessmentStore& assessments() {
    std::call_once(assess_once_, [this] {
      auto scales = assess::ScaleLibrary::LoadDirectory(xinan::testing::ScalesDir());
      if (!scales.ok()) Fail("scales", scales.status());
      scales_ = std::make_unique<assess::ScaleLibrary>(std::move(scales).value());
      rules_ = std::make_unique<alerts::RuleStore>(*services_->db, &services_->clock, 5000);
      assessments_ = std::make_unique<assess::AssessmentStore>(
          *services_->db, *scales_, alerts::DeadlinePolicy{}, *rules_,
          *services_->cipher);
    });
    return *assessments_;
  }

  ~District() {
    services_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

 private:
  District() {
    dir_ = fs::temp_directory_path() / ("xinan-micro-" + security::NewId());
    fs::create_directories(dir_);
    cli::RegisterAllMessages();
    cli::CommonConfig common;
    common.db = "sqlite:" + (dir_ / "bench.db").string();
    common.data_key_file = (dir_ / "bench.key").string();
    cli::ServicesOptions options;
    options.cost = security::PasswordCost::kMinimum;
    options.read_pool_size = 8;
    options.session_cache_millis = 2000;  // as `xinan serve` by default
    auto opened = cli::OpenServices(common, options);
    if (!opened.ok()) Fail("open", opened.status());
    services_ = std::move(opened).value();
    demo::SeedOptions seed;
    seed.password = "Bench-Password-1";
    seed.residents = 200;
    seed.cost = security::PasswordCost::kMinimum;
    std::ostringstream quiet;
    if (Status st = demo::SeedDemo(*services_, seed, quiet); !st.ok()) Fail("seed", st);
    create_unit_ = Unit(kCreateVillage);
    read_unit_ = Unit(kReadVillage);
    auto page = services_->people->List(ReadScope(), {});
    if (!page.ok() || page->items.empty()) Fail("list", page.status());
    read_person_ = page->items.front().id;
    auto login = services_->auth->Login("counsellor_" + std::string(kReadVillage), seed.password, "127.0.0.1", "");
    if (!login.ok()) Fail("login", login.status());
    reader_token_ = login->token;
  }
  org::OrgUnit Unit(const std::string& code) {
    auto u = services_->org->GetByCode(DistrictScope(), code);
    if (!u.ok()) Fail("unit " + code, u.status());
    return *u;
  }
  [[noreturn]] static void Fail(const std::string& what, const Status& st) {
    std::fprintf(stderr, "store_bench: %s: %s\n", what.c_str(), st.ToString().c_str());
    std::exit(1);
  }

  fs::path dir_;
  std::unique_ptr<cli::Services> services_;
  org::OrgUnit create_unit_, read_unit_;
  std::string read_person_;
  std::string reader_token_;  // bearer token of the reading village's counsellor
  std::once_flag assess_once_;
  std::unique_ptr<assess::ScaleLibrary> scales_;
  std::unique_ptr<alerts::RuleStore> rules_;
  std::unique_ptr<assess::AssessmentStore> assessments_;
};

// Where the writes of a benchmark waited (means from the writer's statistics, taken by the
// first thread around its own loop, while the others run alongside).
class WriteWaits {
 public:
  explicit WriteWaits(benchmark::State& state) : state_(state) {
    if (state_.thread_index() == 0) before_ = District::Get().services().db->Stats();
  }
  ~WriteWaits() {
    if (state_.thread_index() != 0) return;
    store::WriteStats after = District::Get().services().db->Stats();
    double jobs = static_cast<double>(after.jobs - before_.jobs);
    double batches = static_cast<double>(after.batches - before_.batches);
    double syncs = static_cast<double>(after.syncs - before_.syncs);
    if (jobs <= 0 || batches <= 0) return;
    state_.counters["batch"] = jobs / batches;
    state_.counters["queue_us"] = (after.queue_micros - before_.queue_micros) / jobs;
    state_.counters["txn_us"] = (after.batch_micros - before_.batch_micros) / batches;
    state_.counters["syncwait_us"] = (after.sync_wait_micros - before_.sync_wait_micros) / jobs;
    if (syncs > 0) state_.counters["fsync_us"] = (after.sync_micros - before_.sync_micros) / syncs;
  }

 private:
  benchmark::State& state_;
  store::WriteStats before_;
};

// Latency percentiles of one thread's operations, reported as counters averaged over threads.
class Latencies {
 public:
  explicit Latencies(benchmark::State& state) : state_(state) {}
  void Start() { started_ = std::chrono::steady_clock::now(); }
  void Stop() {
    micros_.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - started_).count());
  }
  ~Latencies() {
    if (micros_.empty()) return;
    std::sort(micros_.begin(), micros_.end());
    auto at = [&](double q) { return micros_[std::min(micros_.size() - 1, static_cast<size_t>(q * micros_.size()))]; };
    state_.counters["p50_us"] = benchmark::Counter(at(0.50), benchmark::Counter::kAvgThreads);
    state_.counters["p99_us"] = benchmark::Counter(at(0.99), benchmark::Counter::kAvgThreads);
  }

 private:
  benchmark::State& state_;
  std::chrono::steady_clock::time_point started_;
  std::vector<double> micros_;
};

security::Actor BenchActor() { return security::Actor{"", "bench", "community_counsellor", "", ""}; }

// The first page of a list: a village counsellor's (a handful of residents; arg 0) or the
// district's (arg 1: the count walks every resident in scope). Count and page in one snapshot.
void BM_List(benchmark::State& state) {
  District& d = District::Get();
  security::Scope scope = state.range(0) == 0 ? d.ReadScope() : d.DistrictScope();
  for (auto _ : state) {
    auto page = d.services().people->List(scope, {});
    if (!page.ok()) state.SkipWithError("list failed");
    benchmark::DoNotOptimize(page);
  }
}
BENCHMARK(BM_List)->ArgName("district")->Arg(0)->Arg(1);

// The list as `GET /api/v1/people?pageSize=20` through the App: request id, authentication
// (session cache), route, handler, JSON of the page; everything but the socket and Beast.
void BM_AppList(benchmark::State& state) {
  District& d = District::Get();
  cli::Services& s = d.services();
  http::AppHooks hooks;
  hooks.authenticate = [&s](http::Request& r) { identity::AuthenticateRequest(*s.auth, r); };
  hooks.allowed = [](const Principal& p, const std::string& perm) {
    return identity::HasPermission(p.roles, perm);
  };
  http::AppOptions options;
  options.access_log = false;
  http::App app(options, hooks);
  app.AddRoutes(identity::AuthRoutes(*s.auth));
  app.AddRoutes(people::PeopleRoutes(*s.people));
  for (auto _ : state) {
    http::Request req;
    req.method = "GET";
    req.target = "/api/v1/people?pageSize=20";
    req.path = "/api/v1/people";
    req.query = {{"pageSize", "20"}};
    req.headers = {{"authorization", "Bearer " + d.reader_token()}, {"host", "127.0.0.1"}};
    http::Response res = app.Handle(req);
    if (res.status != 200) state.SkipWithError("list not 200");
    benchmark::DoNotOptimize(res);
  }
}
BENCHMARK(BM_AppList);

// The full record, decrypted, with its audit row committed durably (a write per read): one
// thread waits for each commit; 32 threads share commits, as concurrent requests do.
void BM_ReadAudited(benchmark::State& state) {
  District& d = District::Get();
  security::Actor actor = BenchActor();
  WriteWaits waits(state);
  Latencies latencies(state);
  for (auto _ : state) {
    latencies.Start();
    auto p = d.services().people->Read(actor, d.ReadScope(), d.read_person());
    latencies.Stop();
    if (!p.ok()) state.SkipWithError("read failed");
    benchmark::DoNotOptimize(p);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReadAudited)->UseRealTime()->Threads(1)->Threads(32);

// Durable creates with unique, valid fictional ID numbers.
void BM_CreateDurable(benchmark::State& state) {
  static std::atomic<int> next{0};
  District& d = District::Get();
  security::Actor actor = BenchActor();
  WriteWaits waits(state);
  Latencies latencies(state);
  for (auto _ : state) {
    int n = next.fetch_add(1);
    people::PersonInput in;
    in.name = "基准" + std::to_string(n);
    bool male = n % 2 == 0;
    in.gender = male ? "male" : "female";
    // 500 numbers per birth date, dates from 1900 on (the seeded residents are younger).
    int day = n / 500;
    int year = 1900 + day / 336 % 36, month = day / 28 % 12 + 1, dom = day % 28 + 1;
    char date[11], digits[9];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, dom);
    std::snprintf(digits, sizeof digits, "%04d%02d%02d", year, month, dom);
    in.birth_date = date;
    in.id_number = demo::FictionalIdNumber(digits, n % 500, male);
    in.unit_id = d.create_unit().id;
    latencies.Start();
    auto p = d.services().people->Create(actor, d.CreateScope(), std::move(in));
    latencies.Stop();
    if (!p.ok()) state.SkipWithError(p.status().ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CreateDurable)->UseRealTime()->Threads(1)->Threads(32);

// Anonymous PHQ-9 self-assessments by a village's link, answered as bench/self_assessment.lua
// does (totals around 12: most raise a yellow alert, one in nine a red one): scored, rules
// evaluated, assessment, alert, its first event, a notification and two audit rows, durable.
void BM_SelfAssessmentPhq9(benchmark::State& state) {
  static std::atomic<int> next{0};
  assess::AssessmentStore& store = District::Get().assessments();
  security::Actor actor{"", "public", "", "", ""};
  WriteWaits waits(state);
  Latencies latencies(state);
  for (auto _ : state) {
    int n = next.fetch_add(1);
    assess::Submission s;
    s.scale_code = "phq9";
    s.unit_code = kReadVillage;
    s.source = "self";
    for (int i = 1; i <= 8; ++i) s.answers[std::to_string(i)] = (n + i) % 4;
    s.answers["9"] = n % 9 == 0 ? 1 : 0;
    latencies.Start();
    auto r = store.SubmitSelf(actor, std::move(s));
    latencies.Stop();
    if (!r.ok()) state.SkipWithError(r.status().ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SelfAssessmentPhq9)->UseRealTime()->Threads(1)->Threads(32);

}  // namespace
}  // namespace xinan

BENCHMARK_MAIN();

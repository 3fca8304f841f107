// Implementation of the DistrictTest fixture (compiled into the test binary only).
#include <libpq-fe.h>

#include <cstdlib>
#include <filesystem>

#include "security/password.h"
#include "security/tokens.h"
#include "testing/district_fixture.h"

namespace xinan::testing {
namespace {

// Runs one statement outside a transaction on the admin database (CREATE/DROP DATABASE).
bool AdminExec(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  bool ok = PQstatus(c) == CONNECTION_OK;
  if (ok) {
    PGresult* r = PQexec(c, sql.c_str());
    ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
  }
  PQfinish(c);
  return ok;
}

std::string WithDatabase(const std::string& url, const std::string& name) {
  return url.substr(0, url.rfind('/') + 1) + name;
}

}  // namespace

void DistrictTest::SetUp() {
  std::string url;
  if (GetParam() == store::Engine::kPostgres) {
    const char* pg = std::getenv("XINAN_TEST_PG");
    if (!pg || !*pg) GTEST_SKIP() << "XINAN_TEST_PG is not set (make test starts PostgreSQL)";
    std::string name = "xinan_t_" + security::NewId().substr(0, 12);
    ASSERT_TRUE(AdminExec(pg, "CREATE DATABASE " + name)) << "cannot create " << name;
    url = WithDatabase(pg, name);
    cleanup_ = name;
  } else {
    auto dir = std::filesystem::temp_directory_path() / ("xinan_t_" + security::NewId());
    std::filesystem::create_directories(dir);
    url = "sqlite:" + (dir / "t.db").string();
    cleanup_ = dir.string();
  }
  store::DatabaseOptions o;
  o.url = url;
  o.clock = &clock_;
  o.read_pool_size = 4;
  auto db = store::OpenDatabase(o);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  db_ = std::move(db).value();
  org_ = std::make_unique<org::OrgStore>(*db_);
  people_ = std::make_unique<people::PeopleStore>(*db_, cipher_, clock_);
  users_ = std::make_unique<identity::UserStore>(*db_, identity::LoginPolicy{});
  SeedDistrict();
}

void DistrictTest::TearDown() {
  if (db_) db_->Close();
  users_.reset();
  people_.reset();
  org_.reset();
  db_.reset();
  if (cleanup_.empty()) return;
  if (GetParam() == store::Engine::kPostgres) {
    AdminExec(std::getenv("XINAN_TEST_PG"), "DROP DATABASE IF EXISTS " + cleanup_ + " WITH (FORCE)");
  } else {
    std::error_code ec;
    std::filesystem::remove_all(cleanup_, ec);
  }
}

void DistrictTest::SeedDistrict() {
  std::vector<org::ImportLine> lines = {
      {2, kDistrict, "心安区", "district", "", ""},
      {3, kTown1, "清溪镇", "town", kDistrict, ""},
      {4, kTown2, "云湖街道", "town", kDistrict, ""},
      {5, kVillage11, "东湖村", "village", kTown1, ""},
      {6, kVillage12, "南塘村", "village", kTown1, ""},
      {7, kVillage21, "西岭社区", "village", kTown2, ""},
  };
  auto n = org_->Import(security::Actor::System("test"), lines);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  ASSERT_EQ(*n, 6);
}

security::Scope DistrictTest::ScopeAt(const std::string& code, const std::string& user_id) {
  auto u = org_->GetByCode(security::Scope::AtPath("/"), code);
  EXPECT_TRUE(u.ok()) << code;
  Principal p;
  p.user_id = user_id;
  p.unit_path = u.ok() ? u->path : "/nowhere/";
  return security::Scope::Of(p);
}

std::string DistrictTest::UnitId(const std::string& code) {
  auto u = org_->GetByCode(security::Scope::AtPath("/"), code);
  EXPECT_TRUE(u.ok()) << code;
  return u.ok() ? u->id : "";
}

std::string DistrictTest::AddUser(const std::string& username, const std::string& code,
                                  const std::string& role, const std::string& password) {
  auto hash = security::HashPassword(password, security::PasswordCost::kMinimum);
  EXPECT_TRUE(hash.ok());
  auto u = users_->Create(security::Actor::System("test"), security::Scope::AtPath("/"),
                          {username, username, UnitId(code), {role}, *hash});
  EXPECT_TRUE(u.ok()) << u.status().ToString();
  return u.ok() ? u->id : "";
}

security::Actor DistrictTest::ActorFor(const std::string& user_id, const std::string& username) {
  return security::Actor{user_id, username, "community_counsellor", "", "req-test"};
}

int64_t DistrictTest::AuditCount(const std::string& action, const std::string& person_id) {
  int64_t n = -1;
  Status st = db_->Read([&](store::Connection& c) -> Status {
    store::Params p{action};
    std::string sql = "SELECT COUNT(*) FROM audit_log WHERE action = $1";
    if (!person_id.empty()) {
      p.emplace_back(person_id);
      sql += " AND person_id = $2";
    }
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(sql, p));
    n = rows[0].Int(0);
    return Status::Ok();
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return n;
}

}  // namespace xinan::testing

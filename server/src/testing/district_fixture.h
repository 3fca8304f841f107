// Test fixture for module store tests: a fresh database per test on each engine (SQLite and
// PostgreSQL) holding a small district — district D, towns T1 and T2, villages V11 and V12
// under T1 and V21 under T2 — plus the module stores over it and a fake clock.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "common/clock.h"
#include "identity/auth_service.h"
#include "org/store/org_store.h"
#include "people/store/people_store.h"
#include "security/field_cipher.h"
#include "store/database.h"

namespace xinan::testing {

inline constexpr const char* kDistrict = "330499000000";
inline constexpr const char* kTown1 = "330499001000";
inline constexpr const char* kTown2 = "330499002000";
inline constexpr const char* kVillage11 = "330499001001";
inline constexpr const char* kVillage12 = "330499001002";
inline constexpr const char* kVillage21 = "330499002001";

class DistrictTest : public ::testing::TestWithParam<store::Engine> {
 protected:
  void SetUp() override;
  void TearDown() override;

  // The scope of a unit by code, optionally as a given user (for break-glass grants).
  security::Scope ScopeAt(const std::string& code, const std::string& user_id = "");
  std::string UnitId(const std::string& code);
  // A user with `role` in the unit; returns its id. Password hashed at minimum cost.
  std::string AddUser(const std::string& username, const std::string& code,
                      const std::string& role, const std::string& password = "Passw0rd-Test");
  security::Actor ActorFor(const std::string& user_id, const std::string& username);
  // Number of audit rows with `action` (and person id when given).
  int64_t AuditCount(const std::string& action, const std::string& person_id = "");

  store::Database& db() { return *db_; }

  FakeClock clock_{1'795'400'000'000};  // 2026-11-23
  security::FieldCipher cipher_ = security::FieldCipher::Random();
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<org::OrgStore> org_;
  std::unique_ptr<people::PeopleStore> people_;
  std::unique_ptr<identity::UserStore> users_;
  std::string cleanup_;  // engine-specific handle to drop the database

 private:
  void SeedDistrict();
};

// Both engines; the PostgreSQL cases skip when XINAN_TEST_PG is unset (make test sets it).
inline auto Engines() {
  return ::testing::Values(store::Engine::kSqlite, store::Engine::kPostgres);
}
inline std::string EngineName(const ::testing::TestParamInfo<store::Engine>& info) {
  return info.param == store::Engine::kSqlite ? "Sqlite" : "Postgres";
}

}  // namespace xinan::testing

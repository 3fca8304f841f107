// Sign-in on both engines: lockout after repeated failures (audited), session expiry,
// logout and password change revoking sessions, scoped user management.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "identity/auth_service.h"
#include "identity/http/json_views.h"
#include "testing/district_fixture.h"

namespace xinan::identity {
namespace {

using namespace xinan::testing;

class AuthTest : public DistrictTest {
 protected:
  void SetUp() override {
    DistrictTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    user_id_ = AddUser("counsellor_v11", kVillage11, "community_counsellor", kPassword);
    // With the session cache on, so every test below also checks that it never serves a
    // session this instance has ended.
    auth_ = std::make_unique<AuthService>(*users_, clock_, security::PasswordCost::kMinimum, 1000,
                                          kCacheMillis);
  }
  Result<LoginResult> Login(const std::string& pw) {
    return auth_->Login("counsellor_v11", pw, "127.0.0.1", "req");
  }
  static constexpr const char* kPassword = "Correct-Horse-1";
  static constexpr int64_t kCacheMillis = 60'000;
  std::string user_id_;
  std::unique_ptr<AuthService> auth_;
};

TEST_P(AuthTest, LoginAndAuthenticate) {
  auto r = Login(kPassword);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto p = auth_->Authenticate(r->token, true);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->username, "counsellor_v11");
  EXPECT_EQ(p->unit_code, kVillage11);
  EXPECT_TRUE(p->via_cookie);
  EXPECT_FALSE(auth_->Authenticate(r->token + "x", false).has_value());
  EXPECT_EQ(AuditCount("auth.login"), 1);
}

TEST_P(AuthTest, FiveFailuresLockForFifteenMinutes) {
  for (int i = 0; i < 4; ++i) EXPECT_EQ(Login("wrong-password").status().code(), "login_failed");
  EXPECT_EQ(Login("wrong-password").status().code(), "account_locked");
  EXPECT_EQ(Login(kPassword).status().code(), "account_locked") << "right password refused while locked";
  EXPECT_EQ(AuditCount("auth.login_failed"), 6);
  clock_.Advance(15 * 60 * 1000);
  EXPECT_TRUE(Login(kPassword).ok());
}

// Guesses sent at once check the password one at a time (the others are told the account is
// busy), so the lockout still stops them after five: without the gate all of them passed the
// lock check before the first failure was counted, and each was checked.
TEST_P(AuthTest, ParallelGuessesGetNoMorePasswordChecksThanTheLockoutAllows) {
  std::vector<std::thread> threads;
  std::atomic<int> busy{0};
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&] { busy += Login("wrong-password").status().code() == "login_busy"; });
  }
  for (auto& t : threads) t.join();
  int64_t checked = -1;
  ASSERT_TRUE(db_->Read([&](store::Connection& c) -> Status {
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'auth.login_failed' AND reason LIKE 'wrong password%'"));
    checked = rows[0].Int(0);
    return Status::Ok();
  }).ok());
  EXPECT_LE(checked, 5) << busy << " were busy";
  while (checked < 5) {  // the ones refused as busy may try again: still five checks at most
    if (Login("wrong-password").status().code() != "login_busy") ++checked;
  }
  EXPECT_EQ(Login(kPassword).status().code(), "account_locked");
}

// The user list shows a lock only while it lasts (it was computed at time 0, so an account once
// locked showed as locked for good).
TEST(UserJson, ALockShowsOnlyWhileItLasts) {
  User u;
  u.lock = {5, 1000};
  EXPECT_TRUE(UserJson(u, 999).at("locked").as_bool());
  EXPECT_FALSE(UserJson(u, 1000).at("locked").as_bool());
}

TEST(PasswordGate, OneCheckPerAccountAtATime) {
  PasswordGate gate;
  PasswordGate::Pass first(gate, "a");
  EXPECT_TRUE(first.entered());
  {
    PasswordGate::Pass again(gate, "a");
    EXPECT_FALSE(again.entered()) << "the same account waits";
    PasswordGate::Pass other(gate, "b");
    EXPECT_TRUE(other.entered()) << "another account does not";
  }
  PasswordGate::Pass b_again(gate, "b");
  EXPECT_TRUE(b_again.entered()) << "a finished check frees its account";
}

TEST_P(AuthTest, UnknownUserIsAuditedWithTheSameAnswer) {
  // A password typed into the username box must not stay in the permanent audit chain.
  auto r = auth_->Login("Tr0ub4dor-and-3", "whatever-pass", "127.0.0.1", "req");
  EXPECT_EQ(r.status().code(), "login_failed");
  EXPECT_EQ(AuditCount("auth.login_failed"), 1);
  std::string recorded;
  ASSERT_TRUE(db_->Read([&](store::Connection& c) -> Status {
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        "SELECT actor_username, reason FROM audit_log WHERE action = 'auth.login_failed'"));
    recorded = rows.at(0).Text(0) + " " + rows.at(0).Text(1);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(recorded, "Tr…(15) unknown username");
}

TEST_P(AuthTest, SessionsExpireWhenIdle) {
  auto r = Login(kPassword);
  ASSERT_TRUE(r.ok());
  clock_.Advance(29 * 60 * 1000);
  EXPECT_TRUE(auth_->Authenticate(r->token, false).has_value()) << "and refreshes last_seen";
  clock_.Advance(29 * 60 * 1000);
  EXPECT_TRUE(auth_->Authenticate(r->token, false).has_value());
  clock_.Advance(31 * 60 * 1000);
  EXPECT_FALSE(auth_->Authenticate(r->token, false).has_value());
}

TEST_P(AuthTest, LogoutAndPasswordChangeRevoke) {
  auto a = Login(kPassword);
  auto b = Login(kPassword);
  ASSERT_TRUE(a.ok() && b.ok());
  auto pa = auth_->Authenticate(a->token, false);
  ASSERT_TRUE(pa.has_value());
  ASSERT_TRUE(auth_->Logout(*pa, "req").ok());
  EXPECT_FALSE(auth_->Authenticate(a->token, false).has_value());
  auto pb = auth_->Authenticate(b->token, false);
  ASSERT_TRUE(pb.has_value());
  EXPECT_EQ(auth_->ChangePassword(*pb, "not-the-old-one", "Another-Pass-2", "r").fields().at(0).code,
            "old_password_wrong");
  EXPECT_EQ(auth_->ChangePassword(*pb, kPassword, kPassword, "r").fields().at(0).code, "password_unchanged");
  EXPECT_EQ(auth_->ChangePassword(*pb, kPassword, "short", "r").fields().at(0).code,
            "password_too_short");
  ASSERT_TRUE(auth_->ChangePassword(*pb, kPassword, "Another-Pass-2", "r").ok());
  EXPECT_FALSE(auth_->Authenticate(b->token, false).has_value());
  EXPECT_FALSE(Login(kPassword).ok());
  EXPECT_TRUE(Login("Another-Pass-2").ok());
}

TEST_P(AuthTest, DeactivatingAUserEndsItsCachedSessionAtOnce) {
  auto r = Login(kPassword);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(auth_->Authenticate(r->token, false).has_value());  // now cached
  int64_t version = users_->Get(ScopeAt(kDistrict), user_id_)->version;
  ASSERT_TRUE(users_->Update(security::Actor::System("t"), ScopeAt(kDistrict), user_id_,
                             "counsellor", {"community_counsellor"}, false, version).ok());
  EXPECT_FALSE(auth_->Authenticate(r->token, false).has_value());
  // A form opened before the deactivation must not switch the account back on.
  auto stale = users_->Update(security::Actor::System("t"), ScopeAt(kDistrict), user_id_, "改名",
                              {"community_counsellor"}, true, version);
  EXPECT_EQ(stale.status().code(), "version_conflict");
  EXPECT_FALSE(users_->Get(ScopeAt(kDistrict), user_id_)->active);
  EXPECT_FALSE(Login(kPassword).ok());
}

TEST_P(AuthTest, AnotherInstancesRevocationIsSeenWithinTheCacheTime) {
  auto r = Login(kPassword);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(auth_->Authenticate(r->token, false).has_value());
  // Another xinan instance on the same database revokes the session: this instance's store
  // writes nothing, so only the cache time bounds how long the cached session is served.
  ASSERT_TRUE(db().Write([&](store::WriteContext& w) {
    return w.conn().Exec("UPDATE sessions SET revoked_at = $1 WHERE user_id = $2",
                         {w.NowMillis(), user_id_}).status();
  }).ok());
  clock_.Advance(kCacheMillis - 1);
  EXPECT_TRUE(auth_->Authenticate(r->token, false).has_value()) << "served from the cache";
  clock_.Advance(1);
  EXPECT_FALSE(auth_->Authenticate(r->token, false).has_value());
}

TEST_P(AuthTest, UserManagementIsScoped) {
  auto in_town = users_->List(ScopeAt(kTown1), "", "", 0, 20);
  ASSERT_TRUE(in_town.ok());
  EXPECT_EQ(in_town->total, 1);
  EXPECT_EQ(users_->List(ScopeAt(kTown2), "", "", 0, 20)->total, 0);
  EXPECT_EQ(users_->Get(ScopeAt(kVillage12), user_id_).status().kind(), StatusKind::kNotFound);
  auto outside = users_->Create(security::Actor::System("t"), ScopeAt(kTown2),
                                {"x_user", "X", UnitId(kVillage11), {"community_counsellor"}, "h"});
  EXPECT_EQ(outside.status().fields().at(0).code, "unit_not_found");
  auto dup = users_->Create(security::Actor::System("t"), ScopeAt(kTown1),
                            {"counsellor_v11", "X", UnitId(kVillage11), {"community_counsellor"}, "h"});
  EXPECT_EQ(dup.status().fields().at(0).code, "username_taken");
}

INSTANTIATE_TEST_SUITE_P(Engines, AuthTest, Engines(), EngineName);

}  // namespace
}  // namespace xinan::identity

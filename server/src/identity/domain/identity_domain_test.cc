// Tests of the role table and the sign-in rules (lockout, session expiry).
#include <gtest/gtest.h>

#include <algorithm>

#include "identity/domain/login_policy.h"
#include "identity/domain/rate_limiter.h"
#include "identity/domain/roles.h"

namespace xinan::identity {
namespace {

TEST(Roles, PermissionTable) {
  EXPECT_TRUE(HasPermission({"district_admin"}, kUsersManage));
  EXPECT_FALSE(HasPermission({"community_counsellor"}, kUsersManage));
  EXPECT_TRUE(HasPermission({"community_counsellor"}, kPeopleWrite));
  EXPECT_FALSE(HasPermission({"hotline_operator"}, kPeopleWrite));
  EXPECT_FALSE(HasPermission({"partner_department"}, kPeopleRead));
  EXPECT_FALSE(HasPermission({"no_such_role"}, kPeopleRead));
  EXPECT_EQ(PermissionsOf({"partner_department", "hotline_operator"}),
            (std::vector<std::string>{kBreakGlassUse, kOrgRead, kPeopleRead}));
  for (const auto& r : AllRoles()) EXPECT_EQ(FindRole(r.code), &r);
}

TEST(Roles, RulesAreManagedAtTheDistrictOnly) {
  auto has = [](const std::vector<std::string>& perms, const char* p) {
    return std::find(perms.begin(), perms.end(), p) != perms.end();
  };
  EXPECT_TRUE(has(EffectivePermissions({"district_admin"}, "district"), kRulesManage));
  EXPECT_FALSE(has(EffectivePermissions({"district_admin"}, "town"), kRulesManage));
  EXPECT_FALSE(has(EffectivePermissions({"district_admin"}, "village"), kRulesManage));
  EXPECT_TRUE(has(EffectivePermissions({"district_admin"}, "town"), kUsersManage)) << "a town's own admin";
}

TEST(Roles, UsernamesAreShortAndPlain) {
  struct Case {
    std::string username;
    bool valid;
  } cases[] = {
      {"counsellor_330499001001", true}, {"li.ming-2@east", true}, {"abc", true},
      {"ab", false}, {std::string(64, 'a'), true}, {std::string(65, 'a'), false},
      {"has space", false}, {"王小明", false}, {"semi;colon", false}, {"", false},
  };
  for (const auto& c : cases) EXPECT_EQ(IsValidUsername(c.username), c.valid) << c.username;
}

TEST(LoginPolicy, LocksOnFifthFailureForFifteenMinutes) {
  LoginPolicy p;
  LockState s;
  int64_t now = 1'000'000;
  for (int i = 1; i <= 4; ++i) {
    s = AfterFailure(s, p, now);
    EXPECT_EQ(s.failed_logins, i);
    EXPECT_FALSE(IsLocked(s, now));
  }
  s = AfterFailure(s, p, now);
  EXPECT_TRUE(IsLocked(s, now));
  EXPECT_TRUE(IsLocked(s, now + p.lockout_millis - 1));
  EXPECT_FALSE(IsLocked(s, now + p.lockout_millis));
  LockState during = AfterFailure(s, p, now + 1000);  // failures while locked don't extend
  EXPECT_EQ(during.locked_until, s.locked_until);
}

TEST(LoginPolicy, SessionExpiryTable) {
  LoginPolicy p;
  const int64_t t0 = 10'000'000;
  SessionTimes s{t0, t0 + p.session_absolute_millis, 0};
  EXPECT_TRUE(SessionActive(s, p, t0 + 1));
  EXPECT_TRUE(SessionActive(s, p, t0 + p.session_idle_millis - 1));
  EXPECT_FALSE(SessionActive(s, p, t0 + p.session_idle_millis));  // idle
  s.last_seen_at = t0 + p.session_absolute_millis - 10;
  EXPECT_FALSE(SessionActive(s, p, t0 + p.session_absolute_millis));  // absolute
  SessionTimes revoked{t0, t0 + p.session_absolute_millis, t0 + 5};
  EXPECT_FALSE(SessionActive(revoked, p, t0 + 6));
}

TEST(RateLimiter, CountsPerKeyPerWindow) {
  RateLimiter r(3, 60000);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(r.Allow("a", 0));
  EXPECT_FALSE(r.Allow("a", 59999));
  EXPECT_TRUE(r.Allow("b", 59999)) << "another key has its own count";
  EXPECT_TRUE(r.Allow("a", 60000)) << "a new window";
}

// A flood of new keys never resets the count of a key that is over its limit (the table used to
// be cleared past 100,000 keys, giving every address a fresh quota).
TEST(RateLimiter, AFloodOfNewKeysResetsNoCount) {
  RateLimiter r(2, 60000, /*max_keys=*/4);
  EXPECT_TRUE(r.Allow("guesser", 0));
  EXPECT_TRUE(r.Allow("guesser", 0));
  EXPECT_FALSE(r.Allow("guesser", 1));
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(r.Allow("new" + std::to_string(i), 2));
  EXPECT_FALSE(r.Allow("one-too-many", 3)) << "the table is full of live windows: a new key waits";
  EXPECT_FALSE(r.Allow("guesser", 4)) << "still counted";
  EXPECT_TRUE(r.Allow("later", 60004)) << "ended windows are dropped to make room (at most once a window)";
  EXPECT_TRUE(r.Allow("guesser", 60005)) << "and a new window begins for the guesser too";
}

TEST(LoginPolicy, UnknownUsernamesAreKeptMasked) {
  struct Case { std::string typed, want; };
  const Case cases[] = {
      {"Correct-Horse-9", "Co…(15)"}, {"admin_33049", "ad…(11)"}, {"张三丰", "张三…(3)"},
      {"ab", "ab…(2)"}, {"", "…(0)"},
  };
  for (const auto& c : cases) EXPECT_EQ(MaskedUnknownUsername(c.typed), c.want) << c.typed;
}

}  // namespace
}  // namespace xinan::identity

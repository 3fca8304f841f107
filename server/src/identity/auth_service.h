// AuthService: sign-in, sessions and password changes — the rules of identity/domain applied
// to the user store, with Argon2id verification outside the database writer.
#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "common/clock.h"
#include "identity/domain/rate_limiter.h"
#include "identity/password_gate.h"
#include "identity/session_cache.h"
#include "identity/store/user_store.h"
#include "security/password.h"

namespace xinan::identity {

struct LoginResult {
  std::string token;       // opaque; only its SHA-256 is stored
  std::string csrf_token;
  User user;
};

class AuthService {
 public:
  // session_cache_millis: how long an authenticated session may be reused from memory (0: read
  // the database on every request).
  AuthService(UserStore& users, const Clock& clock, security::PasswordCost cost,
              int login_attempts_per_minute_per_ip = 30, int64_t session_cache_millis = 0)
      : users_(users), clock_(clock), cost_(cost), ip_limiter_(login_attempts_per_minute_per_ip, 60000),
        sessions_(session_cache_millis) {}

  // Verifies the credentials. Errors: login_rate_limited (429, per client address),
  // account_locked (429), login_busy (429: a check of the same account is running — parallel
  // guesses wait their turn), login_failed (401; wrong password, unknown or inactive user — the
  // same answer and about the same time for all three: each pays one password check). Every
  // failure is audited.
  Result<LoginResult> Login(const std::string& username, const std::string& password,
                            const std::string& client_addr, const std::string& request_id);
  // The principal of an active session, or nullopt. Refreshes last_seen at most once a minute.
  std::optional<Principal> Authenticate(const std::string& token, bool via_cookie);
  Status Logout(const Principal& p, const std::string& request_id);
  // Checks the old password and the policy, stores the new hash, revokes all sessions. A wrong
  // old password counts as a failed sign-in (five lock the account), so a taken session cannot
  // be used to guess the password.
  Status ChangePassword(const Principal& p, const std::string& old_password,
                        const std::string& new_password, const std::string& request_id);

  security::PasswordCost cost() const { return cost_; }
  UserStore& users() { return users_; }
  const Clock& clock() const { return clock_; }

 private:
  UserStore& users_;
  const Clock& clock_;
  security::PasswordCost cost_;
  RateLimiter ip_limiter_;
  SessionCache sessions_;
  PasswordGate gate_;
  std::once_flag decoy_once_;
  std::string decoy_hash_;  // checked for unknown users, so they take as long as known ones

  const std::string& DecoyHash();
};

}  // namespace xinan::identity

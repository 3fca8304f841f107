// Sign-in rules as pure functions: account lockout after repeated failures, when a session has
// expired (idle or absolute), and how an unknown username is recorded. Times are epoch
// milliseconds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace xinan::identity {

struct LoginPolicy {
  int max_failures = 5;                               // failures before lockout
  int64_t lockout_millis = 15LL * 60 * 1000;          // lockout length
  int64_t session_idle_millis = 30LL * 60 * 1000;     // idle expiry
  int64_t session_absolute_millis = 12LL * 3600 * 1000;  // absolute expiry
};

// The account's failure counter and lock as stored.
struct LockState {
  int failed_logins = 0;
  int64_t locked_until = 0;
};

// What the audit chain keeps of a username that matched no account: its first two characters
// and its length, e.g. "ad…(12)". The typed text is often a password in the wrong box, and the
// chain is permanent; the prefix is enough to see many attempts on similar names.
std::string MaskedUnknownUsername(std::string_view typed);

bool IsLocked(const LockState& s, int64_t now);
// The state after one more failed attempt: counts up and locks at max_failures (counter reset).
LockState AfterFailure(const LockState& s, const LoginPolicy& p, int64_t now);

struct SessionTimes {
  int64_t last_seen_at = 0;
  int64_t expires_at = 0;  // absolute
  int64_t revoked_at = 0;  // 0 = not revoked
};
bool SessionActive(const SessionTimes& s, const LoginPolicy& p, int64_t now);

}  // namespace xinan::identity

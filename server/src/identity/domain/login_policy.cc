#include "identity/domain/login_policy.h"

#include "common/text.h"

namespace xinan::identity {

std::string MaskedUnknownUsername(std::string_view typed) {
  return std::string(Utf8Prefix(typed, 2)) + "…(" + std::to_string(CodePoints(typed)) + ")";
}

bool IsLocked(const LockState& s, int64_t now) { return s.locked_until > now; }

LockState AfterFailure(const LockState& s, const LoginPolicy& p, int64_t now) {
  LockState next = s;
  if (IsLocked(s, now)) return next;
  next.failed_logins += 1;
  if (next.failed_logins >= p.max_failures) {
    next.locked_until = now + p.lockout_millis;
    next.failed_logins = 0;
  }
  return next;
}

bool SessionActive(const SessionTimes& s, const LoginPolicy& p, int64_t now) {
  if (s.revoked_at != 0) return false;
  if (now >= s.expires_at) return false;
  return now - s.last_seen_at < p.session_idle_millis;
}

}  // namespace xinan::identity

#include "identity/auth_service.h"

#include "security/tokens.h"

namespace xinan::identity {
namespace {
constexpr int64_t kTouchEveryMillis = 60 * 1000;
}  // namespace

Result<LoginResult> AuthService::Login(const std::string& username, const std::string& password,
                                       const std::string& client_addr,
                                       const std::string& request_id) {
  int64_t now = clock_.NowMillis();
  if (!ip_limiter_.Allow(client_addr, now)) return Status::RateLimited("login_rate_limited");
  PasswordGate::Pass pass(gate_, username);  // read the lock state after the previous check counted
  if (!pass.entered()) return Status::RateLimited("login_busy");
  auto user = users_.FindByUsername(username);
  if (!user.ok()) {
    (void)security::VerifyPassword(DecoyHash(), password);
    XINAN_RETURN_IF_ERROR(users_.AuditUnknownUser(username, request_id));
    return Status::Unauthenticated("login_failed");
  }
  if (IsLocked(user->lock, now)) {
    XINAN_RETURN_IF_ERROR(users_.RecordFailure(user->id, username, "account locked", request_id).status());
    return Status::RateLimited("account_locked");
  }
  bool verified = security::VerifyPassword(user->password_hash, password);
  if (!user->active || !verified) {
    XINAN_ASSIGN_OR_RETURN(LockState after, users_.RecordFailure(
        user->id, username, user->active ? "wrong password" : "inactive user", request_id));
    if (IsLocked(after, clock_.NowMillis())) return Status::RateLimited("account_locked");
    return Status::Unauthenticated("login_failed");
  }
  LoginResult out{security::RandomToken(), security::RandomToken(16), *user};
  XINAN_RETURN_IF_ERROR(users_.OpenSession(*user, security::NewId(), security::Sha256Hex(out.token),
                                           out.csrf_token, request_id));
  return out;
}

const std::string& AuthService::DecoyHash() {
  std::call_once(decoy_once_, [this] {
    auto hash = security::HashPassword(security::RandomToken(), cost_);
    decoy_hash_ = hash.ok() ? *hash : "";
  });
  return decoy_hash_;
}

std::optional<Principal> AuthService::Authenticate(const std::string& token, bool via_cookie) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  std::string hash = security::Sha256Hex(token);
  int64_t now = clock_.NowMillis();
  auto usable = [&](const SessionRecord& r) {
    return r.user.active && SessionActive(r.times, users_.policy(), now);
  };
  std::shared_ptr<const SessionRecord> s = sessions_.Find(hash, users_.generation(), now);
  if (!s) {
    uint64_t generation = users_.generation();  // before the read: a later write invalidates
    auto found = users_.FindSession(hash);
    if (!found.ok() || !usable(*found)) return std::nullopt;
    s = std::make_shared<const SessionRecord>(std::move(found).value());
    sessions_.Put(hash, *s, generation, now);
  } else if (!usable(*s)) {
    return std::nullopt;
  }
  if (now - s->times.last_seen_at > kTouchEveryMillis) {
    (void)users_.TouchSession(s->session_id);
    sessions_.Touched(hash, now);
  }
  return PrincipalOf(*s, via_cookie);
}

Status AuthService::Logout(const Principal& p, const std::string& request_id) {
  return users_.RevokeSession(security::Actor::Of(p, request_id), p.session_id);
}

Status AuthService::ChangePassword(const Principal& p, const std::string& old_password,
                                   const std::string& new_password, const std::string& request_id) {
  PasswordGate::Pass pass(gate_, p.username);
  if (!pass.entered()) return Status::RateLimited("login_busy");
  XINAN_ASSIGN_OR_RETURN(User me, users_.FindByUsername(p.username));
  if (IsLocked(me.lock, clock_.NowMillis())) return Status::RateLimited("account_locked");
  if (!security::VerifyPassword(me.password_hash, old_password)) {
    XINAN_ASSIGN_OR_RETURN(LockState after, users_.RecordFailure(me.id, me.username, "wrong old password", request_id));
    if (IsLocked(after, clock_.NowMillis())) return Status::RateLimited("account_locked");
    return Status::InvalidField("oldPassword", "old_password_wrong");
  }
  XINAN_RETURN_IF_ERROR(security::CheckPasswordPolicy(p.username, new_password, "newPassword"));
  // A change that keeps the password would let a forced change be skipped.
  if (new_password == old_password) return Status::InvalidField("newPassword", "password_unchanged");
  XINAN_ASSIGN_OR_RETURN(std::string hash, security::HashPassword(new_password, cost_));
  return users_.SetPassword(security::Actor::Of(p, request_id),
                            security::Scope::AtPath(me.unit_path), me.id, hash);
}

}  // namespace xinan::identity

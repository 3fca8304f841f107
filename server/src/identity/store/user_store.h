// UserStore: user accounts and their sign-in sessions. Lookups for sign-in are unscoped (the
// user is not known yet); management reads and writes are limited to the admin's scope.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "identity/domain/login_policy.h"
#include "security/actor.h"
#include "security/principal.h"
#include "security/scope.h"
#include "store/database.h"

namespace xinan::identity {

struct User {
  std::string id;
  std::string username;
  std::string display_name;
  std::string unit_id;
  std::string unit_code;
  std::string unit_name;
  std::string unit_level;
  std::string unit_path;
  std::vector<std::string> roles;
  std::string password_hash;
  bool active = true;
  LockState lock;
  int64_t created_at = 0;
  int64_t version = 1;
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::string unit_id;
  std::vector<std::string> roles;
  std::string password_hash;  // already hashed
};

struct UserPage {
  std::vector<User> items;
  int64_t total = 0;
};

// A session joined with its user, as authentication needs it.
struct SessionRecord {
  std::string session_id;
  std::string csrf_token;
  SessionTimes times;
  User user;
};

class UserStore {
 public:
  UserStore(store::Database& db, LoginPolicy policy) : db_(db), policy_(policy) {}

  Result<User> FindByUsername(const std::string& username);
  Result<User> Get(const security::Scope& scope, const std::string& id);
  Result<UserPage> List(const security::Scope& scope, const std::string& q,
                        const std::string& unit_id, int offset, int limit);
  // Creates a user in a unit inside `scope` (unit outside → field unitId/unit_not_found;
  // duplicate username → field username/username_taken; a username outside IsValidUsername →
  // username_invalid).
  // Audited as user.create.
  Result<User> Create(const security::Actor& actor, const security::Scope& scope, const NewUser& u);
  // Changes name, roles and active when `version` is the stored one (else 409 version_conflict:
  // a form loaded before another admin's change must not undo it); the acting user may not deactivate their own account (active/cannot_deactivate_self) or drop their own
  // users.manage (roles/cannot_drop_own_admin). Deactivating revokes the user's sessions.
  Result<User> Update(const security::Actor& actor, const security::Scope& scope,
                      const std::string& id, const std::string& display_name,
                      const std::vector<std::string>& roles, bool active, int64_t version);
  // Sets a new password hash and revokes every session of the user. Audited.
  Status SetPassword(const security::Actor& actor, const security::Scope& scope,
                     const std::string& id, const std::string& password_hash);

  // Records a failed sign-in (audited auth.login_failed with `reason`); returns the new state.
  Result<LockState> RecordFailure(const std::string& user_id, const std::string& username,
                                  const std::string& reason, const std::string& ip_request_id);
  // Audits a failed sign-in for an unknown username.
  Status AuditUnknownUser(const std::string& username, const std::string& request_id);
  // Resets the failure counter, opens a session and audits auth.login, in one transaction.
  Status OpenSession(const User& user, const std::string& session_id,
                     const std::string& token_hash, const std::string& csrf_token,
                     const std::string& request_id);
  Result<SessionRecord> FindSession(const std::string& token_hash);
  Status TouchSession(const std::string& session_id);
  Status RevokeSession(const security::Actor& actor, const std::string& session_id);

  const LoginPolicy& policy() const { return policy_; }
  // Counts identity writes that can end a session or change what it may do (logout, password
  // change, user update) in this instance; the session cache drops entries read before one.
  uint64_t generation() const { return generation_.load(); }

 private:
  store::Database& db_;
  LoginPolicy policy_;
  std::atomic<uint64_t> generation_{0};
};

// The Principal for an authenticated session.
Principal PrincipalOf(const SessionRecord& s, bool via_cookie);

}  // namespace xinan::identity

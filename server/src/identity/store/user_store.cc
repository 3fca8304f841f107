#include "identity/store/user_store.h"

#include <sstream>

#include "identity/domain/roles.h"
#include "security/tokens.h"

namespace xinan::identity {
namespace {

constexpr const char* kUserSelect =
    "SELECT u.id, u.username, u.display_name, u.unit_id, o.code, o.name, o.level, u.unit_path, "
    "u.roles, u.password_hash, u.active, u.failed_logins, u.locked_until, u.created_at, "
    "u.version FROM users u JOIN org_units o ON o.id = u.unit_id";
constexpr const char* kInsertUser =
    "INSERT INTO users (id, username, display_name, unit_id, unit_path, roles, password_hash, "
    "password_changed_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $8)";
constexpr const char* kInsertSession =
    "INSERT INTO sessions (id, token_hash, user_id, csrf_token, created_at, last_seen_at, "
    "expires_at) VALUES ($1, $2, $3, $4, $5, $5, $6)";
constexpr const char* kSessionSelect =
    "SELECT s.user_id, s.id, s.csrf_token, s.last_seen_at, s.expires_at, s.revoked_at "
    "FROM sessions s "
    "WHERE s.token_hash = $1";

std::vector<std::string> SplitRoles(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) if (!item.empty()) out.push_back(item);
  return out;
}

std::string JoinRoles(const std::vector<std::string>& roles) {
  std::string out;
  for (const auto& r : roles) out += (out.empty() ? "" : ",") + r;
  return out;
}

User FromRow(const store::Row& r) {
  User u;
  u.id = r.Text(0);
  u.username = r.Text(1);
  u.display_name = r.Text(2);
  u.unit_id = r.Text(3);
  u.unit_code = r.Text(4);
  u.unit_name = r.Text(5);
  u.unit_level = r.Text(6);
  u.unit_path = r.Text(7);
  u.roles = SplitRoles(r.Text(8));
  u.password_hash = r.Text(9);
  u.active = r.Int(10) != 0;
  u.lock = {static_cast<int>(r.Int(11)), r.Int(12)};
  u.created_at = r.Int(13);
  u.version = r.Int(14);
  return u;
}

Result<User> LoadUser(store::Connection& c, const std::string& where, const store::Params& p) {
  XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(std::string(kUserSelect) + " WHERE " + where, p));
  if (rows.empty()) return Status::NotFound();
  return FromRow(rows[0]);
}

Result<User> LoadScoped(store::Connection& c, const security::Scope& scope, const std::string& id) {
  store::Params p{id};
  return LoadUser(c, "u.id = $1 AND " + scope.Condition("u.unit_path", p), p);
}

}  // namespace

Result<User> UserStore::FindByUsername(const std::string& username) {
  std::optional<User> out;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    XINAN_ASSIGN_OR_RETURN(out, LoadUser(c, "u.username = $1", {username}));
    return Status::Ok();
  }));
  return *out;
}

Result<User> UserStore::Get(const security::Scope& scope, const std::string& id) {
  std::optional<User> out;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    XINAN_ASSIGN_OR_RETURN(out, LoadScoped(c, scope, id));
    return Status::Ok();
  }));
  return *out;
}

Result<UserPage> UserStore::List(const security::Scope& scope, const std::string& q,
                                 const std::string& unit_id, int offset, int limit) {
  UserPage page;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    store::Params p;
    std::string where = scope.Condition("u.unit_path", p);
    if (!q.empty()) {
      p.emplace_back(q + "%");
      std::string n = "$" + std::to_string(p.size());
      where += " AND (u.username LIKE " + n + " OR u.display_name LIKE " + n + ")";
    }
    if (!unit_id.empty()) {
      p.emplace_back(unit_id);
      where += " AND u.unit_id = $" + std::to_string(p.size());
    }
    XINAN_ASSIGN_OR_RETURN(store::Rows count,
                           c.Query("SELECT COUNT(*) FROM users u WHERE " + where, p));
    page.total = count[0].Int(0);
    p.emplace_back(static_cast<int64_t>(limit));
    p.emplace_back(static_cast<int64_t>(offset));
    XINAN_ASSIGN_OR_RETURN(
        store::Rows rows,
        c.Query(std::string(kUserSelect) + " WHERE " + where + " ORDER BY u.username LIMIT $" +
                    std::to_string(p.size() - 1) + " OFFSET $" + std::to_string(p.size()), p));
    for (const auto& r : rows) page.items.push_back(FromRow(r));
    return Status::Ok();
  }));
  return page;
}

namespace {

// What an update may not do to the acting user's own account: deactivate it or take away user
// administration (the unit could be left without anyone to manage its users, short of the
// server's command line).
Status CheckUpdate(const security::Actor& actor, const User& current, const std::vector<std::string>& roles,
                   bool active) {
  if (actor.user_id != current.id) return Status::Ok();
  if (!active) return Status::InvalidField("active", "cannot_deactivate_self");
  if (HasPermission(current.roles, kUsersManage) && !HasPermission(roles, kUsersManage)) {
    return Status::InvalidField("roles", "cannot_drop_own_admin");
  }
  return Status::Ok();
}

}  // namespace

Result<User> UserStore::Create(const security::Actor& actor, const security::Scope& scope,
                               const NewUser& nu) {
  if (!IsValidUsername(nu.username)) return Status::InvalidField("username", "username_invalid");
  std::string id = security::NewId();
  std::optional<User> out;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    store::Params p{nu.unit_id};
    XINAN_ASSIGN_OR_RETURN(
        store::Rows unit,
        w.conn().Query("SELECT path, active FROM org_units WHERE id = $1 AND " + scope.Condition("path", p), p));
    if (unit.empty()) return Status::InvalidField("unitId", "unit_not_found");
    if (unit[0].Int(1) == 0) return Status::InvalidField("unitId", "unit_inactive");
    auto ins = w.conn().Exec(kInsertUser, {id, nu.username, nu.display_name, nu.unit_id,
                                           unit[0].Text(0), JoinRoles(nu.roles),
                                           nu.password_hash, w.NowMillis()});
    if (!ins.ok() && ins.status().code() == "unique_violation") {
      return Status::InvalidField("username", "username_taken");
    }
    XINAN_RETURN_IF_ERROR(ins.status());
    XINAN_ASSIGN_OR_RETURN(out, LoadScoped(w.conn(), scope, id));
    return w.Audit(actor.Event("user.create", "user", id));
  }));
  return *out;
}

Result<User> UserStore::Update(const security::Actor& actor, const security::Scope& scope,
                               const std::string& id, const std::string& display_name,
                               const std::vector<std::string>& roles, bool active, int64_t version) {
  std::optional<User> out;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(User current, LoadScoped(w.conn(), scope, id));
    XINAN_RETURN_IF_ERROR(CheckUpdate(actor, current, roles, active));
    XINAN_ASSIGN_OR_RETURN(int64_t updated, w.conn().Exec(
        "UPDATE users SET display_name = $1, roles = $2, active = $3, updated_at = $4, "
        "version = version + 1 WHERE id = $5 AND version = $6",
        {display_name, JoinRoles(roles), int64_t{active ? 1 : 0}, w.NowMillis(), id, version}));
    if (updated == 0) return Status::Conflict("version_conflict");
    if (!active) {
      XINAN_RETURN_IF_ERROR(w.conn().Exec("UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 "
                                          "AND revoked_at = 0", {w.NowMillis(), id}).status());
    }
    XINAN_ASSIGN_OR_RETURN(out, LoadScoped(w.conn(), scope, id));
    return w.Audit(actor.Event("user.update", "user", id));
  }));
  generation_++;
  return *out;
}

Status UserStore::SetPassword(const security::Actor& actor, const security::Scope& scope,
                              const std::string& id, const std::string& password_hash) {
  Status st = db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(User current, LoadScoped(w.conn(), scope, id));
    int64_t now = w.NowMillis();
    XINAN_RETURN_IF_ERROR(w.conn().Exec("UPDATE users SET password_hash = $1, password_changed_at = "
                                        "$2, updated_at = $2, failed_logins = 0, locked_until = 0 "
                                        "WHERE id = $3", {password_hash, now, id}).status());
    XINAN_RETURN_IF_ERROR(w.conn().Exec("UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND "
                                        "revoked_at = 0", {now, id}).status());
    // One's own change (with the current password) and an admin's reset read differently in the log.
    if (actor.user_id == id) return w.Audit(actor.Event("user.password_change", "user", id));
    return w.Audit(actor.Event("user.password_reset", "user", id));
  });
  generation_++;
  return st;
}

Result<LockState> UserStore::RecordFailure(const std::string& user_id, const std::string& username,
                                           const std::string& reason,
                                           const std::string& request_id) {
  LockState next;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, w.conn().Query(
        "SELECT failed_logins, locked_until FROM users WHERE id = $1", {user_id}));
    if (rows.empty()) return Status::NotFound();
    LockState cur{static_cast<int>(rows[0].Int(0)), rows[0].Int(1)};
    next = AfterFailure(cur, policy_, w.NowMillis());
    XINAN_RETURN_IF_ERROR(w.conn().Exec("UPDATE users SET failed_logins = $1, locked_until = $2 "
                                        "WHERE id = $3",
                                        {int64_t{next.failed_logins}, next.locked_until, user_id})
                              .status());
    security::Actor a{user_id, username, "", "", request_id};
    std::string why = IsLocked(next, w.NowMillis()) && !IsLocked(cur, w.NowMillis())
                          ? reason + "; account locked" : reason;
    return w.Audit(a.Event("auth.login_failed", "user", user_id, "", why));
  }));
  return next;
}

Status UserStore::AuditUnknownUser(const std::string& username, const std::string& request_id) {
  return db_.Write([&](store::WriteContext& w) -> Status {
    security::Actor a{"", MaskedUnknownUsername(username), "", "", request_id};
    return w.Audit(a.Event("auth.login_failed", "user", "", "", "unknown username"));
  });
}

Status UserStore::OpenSession(const User& user, const std::string& session_id,
                              const std::string& token_hash, const std::string& csrf_token,
                              const std::string& request_id) {
  return db_.Write([&](store::WriteContext& w) -> Status {
    int64_t now = w.NowMillis();
    // Locked meanwhile (failures counted by other requests or instances since the check): no
    // session, whatever the password — the reset of the failure count is what checks it.
    XINAN_ASSIGN_OR_RETURN(int64_t unlocked, w.conn().Exec(
        "UPDATE users SET failed_logins = 0 WHERE id = $1 AND locked_until <= $2", {user.id, now}));
    if (unlocked == 0) return Status::RateLimited("account_locked");
    XINAN_RETURN_IF_ERROR(w.conn().Exec(kInsertSession, {session_id, token_hash, user.id, csrf_token,
                                                         now, now + policy_.session_absolute_millis})
                              .status());
    security::Actor a{user.id, user.username, user.roles.empty() ? "" : user.roles[0],
                      user.unit_id, request_id};
    return w.Audit(a.Event("auth.login", "session", session_id));
  });
}

Result<SessionRecord> UserStore::FindSession(const std::string& token_hash) {
  std::optional<SessionRecord> out;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(kSessionSelect, {token_hash}));
    if (rows.empty()) return Status::NotFound();
    const auto& r = rows[0];
    SessionRecord s;
    s.session_id = r.Text(1);
    s.csrf_token = r.Text(2);
    s.times = {r.Int(3), r.Int(4), r.Int(5)};
    XINAN_ASSIGN_OR_RETURN(s.user, LoadUser(c, "u.id = $1", {r.Text(0)}));
    out = std::move(s);
    return Status::Ok();
  }));
  return *out;
}

Status UserStore::TouchSession(const std::string& session_id) {
  return db_.Write([&](store::WriteContext& w) -> Status {
    return w.conn().Exec("UPDATE sessions SET last_seen_at = $1 WHERE id = $2",
                         {w.NowMillis(), session_id}).status();
  });
}

Status UserStore::RevokeSession(const security::Actor& actor, const std::string& session_id) {
  Status st = db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_RETURN_IF_ERROR(w.conn().Exec("UPDATE sessions SET revoked_at = $1 WHERE id = $2",
                                        {w.NowMillis(), session_id}).status());
    return w.Audit(actor.Event("auth.logout", "session", session_id));
  });
  generation_++;
  return st;
}

Principal PrincipalOf(const SessionRecord& s, bool via_cookie) {
  Principal p;
  p.user_id = s.user.id;
  p.username = s.user.username;
  p.display_name = s.user.display_name;
  p.unit_id = s.user.unit_id;
  p.unit_code = s.user.unit_code;
  p.unit_path = s.user.unit_path;
  p.roles = s.user.roles;
  p.session_id = s.session_id;
  p.csrf_token = s.csrf_token;
  p.via_cookie = via_cookie;
  return p;
}

}  // namespace xinan::identity

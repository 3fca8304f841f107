#include "org/store/org_store.h"

#include "org/store/org_rows.h"

#include <map>
#include <sstream>

#include "security/tokens.h"

namespace xinan::org {
namespace {

constexpr const char* kColumns =
    "id, code, name, level, parent_id, path, active, hotline, created_at, updated_at, version";
constexpr const char* kInsert =
    "INSERT INTO org_units (id, code, name, level, parent_id, path, active, hotline, created_at, "
    "updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $8, 1)";
constexpr const char* kUpdate =
    "UPDATE org_units SET name = $1, active = $2, hotline = $3, updated_at = $4, "
    "version = version + 1 WHERE id = $5 AND version = $6";
// Every table whose rows name a unit: a unit with any of them cannot be deleted (it can be
// deactivated). The foreign keys would refuse the delete too, but as a bare key violation.
constexpr const char* kInUse =
    "SELECT CASE WHEN EXISTS (SELECT 1 FROM org_units WHERE parent_id = $1) "
    "OR EXISTS (SELECT 1 FROM users WHERE unit_id = $1) "
    "OR EXISTS (SELECT 1 FROM people WHERE unit_id = $1) "
    "OR EXISTS (SELECT 1 FROM assessments WHERE unit_id = $1) "
    "OR EXISTS (SELECT 1 FROM alerts WHERE unit_id = $1) "
    "OR EXISTS (SELECT 1 FROM campaigns WHERE unit_id = $1) "
    "OR EXISTS (SELECT 1 FROM campaign_roster WHERE unit_id = $1) "
    "OR EXISTS (SELECT 1 FROM notifications WHERE unit_id = $1) THEN 1 ELSE 0 END";

OrgUnit FromRow(const store::Row& r) {
  OrgUnit u;
  u.id = r.Text(0);
  u.code = r.Text(1);
  u.name = r.Text(2);
  u.level = ParseLevel(r.Text(3)).value_or(Level::kVillage);
  u.parent_id = r.Text(4);
  u.path = r.Text(5);
  u.active = r.Int(6) != 0;
  u.hotline = r.Text(7);
  u.created_at = r.Int(8);
  u.updated_at = r.Int(9);
  u.version = r.Int(10);
  return u;
}

// Loads one unit by a column ("id" or "code") within the scope, on any connection.
Result<OrgUnit> LoadBy(store::Connection& c, const security::Scope& scope, const char* column,
                       const std::string& value) {
  store::Params p{value};
  std::string sql = std::string("SELECT ") + kColumns + " FROM org_units WHERE " + column +
                    " = $1 AND " + scope.Condition("path", p);
  XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(sql, p));
  if (rows.empty()) return Status::NotFound();
  return FromRow(rows[0]);
}

}  // namespace

namespace internal {

Status InsertUnit(store::WriteContext& w, const security::Actor& actor, OrgUnit& u) {
  u.id = security::NewId();
  u.created_at = u.updated_at = w.NowMillis();
  Result<int64_t> ins = w.conn().Exec(kInsert, {u.id, u.code, u.name, LevelCode(u.level),
                                                store::TextOrNull(u.parent_id), u.path,
                                                store::TextOrNull(u.hotline), u.created_at});
  if (!ins.ok() && ins.status().code() == "unique_violation") {
    return Status::Invalid("validation_failed", {{"code", "unit_code_exists"}});
  }
  if (!ins.ok()) return ins.status();
  return w.Audit(actor.Event("org_unit.create", "org_unit", u.id));
}

OrgUnit Build(const UnitInput& in, const std::optional<OrgUnit>& parent) {
  OrgUnit u;
  u.code = in.code;
  u.name = in.name;
  u.level = *ParseLevel(in.level);
  u.parent_id = parent ? parent->id : "";
  u.path = ChildPath(parent ? parent->path : "", in.code);
  u.hotline = in.hotline;
  return u;
}

}  // namespace internal

using internal::Build;
using internal::InsertUnit;

Result<OrgUnit> OrgStore::Get(const security::Scope& scope, const std::string& id) {
  std::optional<OrgUnit> out;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    XINAN_ASSIGN_OR_RETURN(out, LoadBy(c, scope, "id", id));
    return Status::Ok();
  }));
  return *out;
}

Result<OrgUnit> OrgStore::GetByCode(const security::Scope& scope, const std::string& code) {
  std::optional<OrgUnit> out;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    XINAN_ASSIGN_OR_RETURN(out, LoadBy(c, scope, "code", code));
    return Status::Ok();
  }));
  return *out;
}

Result<std::vector<OrgUnit>> OrgStore::Subtree(const security::Scope& scope) {
  std::vector<OrgUnit> out;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    store::Params p;
    std::string sql = std::string("SELECT ") + kColumns + " FROM org_units WHERE " +
                      scope.Condition("path", p) + " ORDER BY path";
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(sql, p));
    for (const auto& r : rows) out.push_back(FromRow(r));
    return Status::Ok();
  }));
  return out;
}

Result<UnitPage> OrgStore::List(const security::Scope& scope, const UnitFilter& f) {
  UnitPage page;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    store::Params p;
    std::string where = " WHERE " + scope.Condition("path", p);
    if (!f.q.empty()) {
      p.emplace_back(f.q + "%");
      std::string n = "$" + std::to_string(p.size());
      where += " AND (name LIKE " + n + " OR code LIKE " + n + ")";
    }
    if (!f.parent_id.empty()) {
      p.emplace_back(f.parent_id);
      where += " AND parent_id = $" + std::to_string(p.size());
    }
    XINAN_ASSIGN_OR_RETURN(store::Rows count, c.Query("SELECT COUNT(*) FROM org_units" + where, p));
    page.total = count[0].Int(0);
    p.emplace_back(static_cast<int64_t>(f.limit));
    p.emplace_back(static_cast<int64_t>(f.offset));
    std::string sql = std::string("SELECT ") + kColumns + " FROM org_units" + where +
                      " ORDER BY path LIMIT $" + std::to_string(p.size() - 1) + " OFFSET $" +
                      std::to_string(p.size());
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(sql, p));
    for (const auto& r : rows) page.items.push_back(FromRow(r));
    return Status::Ok();
  }));
  return page;
}

Result<OrgUnit> OrgStore::Create(const security::Actor& actor, const security::Scope& scope,
                                 const UnitInput& in) {
  OrgUnit created;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    std::optional<OrgUnit> parent;
    if (!in.parent_id.empty()) {
      auto p = LoadBy(w.conn(), scope, "id", in.parent_id);
      if (!p.ok()) return Status::Invalid("validation_failed", {{"parentId", "parent_not_found"}});
      parent = *p;
    } else {
      return Status::Invalid("validation_failed", {{"parentId", "required"}});
    }
    XINAN_RETURN_IF_ERROR(ValidateUnitInput(in, parent));
    created = Build(in, parent);
    return InsertUnit(w, actor, created);
  }));
  return created;
}

Result<OrgUnit> OrgStore::Update(const security::Actor& actor, const security::Scope& scope,
                                 const std::string& id, const std::string& name, bool active,
                                 const std::string& hotline, int64_t version) {
  OrgUnit updated;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(OrgUnit current, LoadBy(w.conn(), scope, "id", id));
    UnitInput check{current.code, name, LevelCode(current.level), "", hotline};
    Status st = ValidateUnitInput(check, std::nullopt);
    for (const auto& f : st.fields()) {
      if (f.field != "level" && f.field != "code") return Status::Invalid("validation_failed", {f});
    }
    XINAN_ASSIGN_OR_RETURN(int64_t n, w.conn().Exec(kUpdate, {name, int64_t{active ? 1 : 0},
                                                              store::TextOrNull(hotline),
                                                              w.NowMillis(), id, version}));
    if (n == 0) return Status::Conflict("version_conflict");
    XINAN_ASSIGN_OR_RETURN(updated, LoadBy(w.conn(), scope, "id", id));
    return w.Audit(actor.Event("org_unit.update", "org_unit", id));
  }));
  return updated;
}

Status OrgStore::Delete(const security::Actor& actor, const security::Scope& scope,
                        const std::string& id) {
  return db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(OrgUnit current, LoadBy(w.conn(), scope, "id", id));
    if (current.path == scope.unit_path()) return Status::Denied("unit_is_own");
    XINAN_ASSIGN_OR_RETURN(store::Rows use, w.conn().Query(kInUse, {id}));
    if (use[0].Int(0) > 0) return Status::Conflict("unit_in_use");
    XINAN_RETURN_IF_ERROR(w.conn().Exec("DELETE FROM org_units WHERE id = $1", {id}).status());
    return w.Audit(actor.Event("org_unit.delete", "org_unit", id));
  });
}

}  // namespace xinan::org

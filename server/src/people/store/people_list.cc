// Resident lists and break-glass grants: the read side of PeopleStore.
#include "people/domain/id_number.h"
#include "people/store/people_store.h"
#include "people/store/person_rows.h"
#include "security/tokens.h"

namespace xinan::people {
namespace {

// The list never selects the encrypted identifiers.
constexpr const char* kListSelect =
    "SELECT p.id, p.unit_id, o.code, o.name, p.unit_path, p.name, p.gender, p.birth_date, "
    "NULL, p.id_number_masked, NULL, p.phone_masked, p.address, p.tags, p.created_at, "
    "p.updated_at, p.version FROM people p JOIN org_units o ON o.id = p.unit_id";
// Grants of users, followed by a condition on the user's unit path (u.unit_path).
constexpr const char* kGrantFrom = " FROM break_glass_grants g JOIN users u ON u.id = g.user_id WHERE ";
constexpr const char* kGrantSelect =
    "SELECT g.id, g.user_id, u.username, u.display_name, o.name, g.person_id, g.reason, "
    "g.created_at, g.expires_at, p.name, po.name FROM break_glass_grants g JOIN users u ON u.id = g.user_id "
    "JOIN org_units o ON o.id = u.unit_id JOIN people p ON p.id = g.person_id "
    "JOIN org_units po ON po.id = p.unit_id WHERE ";

// `created` names the creation time (the column, or an expression of it that no index serves).
std::string OrderBy(const std::string& sort, std::string_view created = "p.created_at") {
  if (sort == "name") return " ORDER BY p.name, p.id";
  if (sort == "-name") return " ORDER BY p.name DESC, p.id";
  // Both keys in one direction: with a village's equality (Scope::Condition) the index
  // people_unit_path (unit_path, created_at, id) then yields its page in order.
  if (sort == "createdAt") return " ORDER BY " + std::string(created) + ", p.id";
  return " ORDER BY " + std::string(created) + " DESC, p.id DESC";
}

bool ByCreation(const std::string& sort) { return sort != "name" && sort != "-name"; }

// The scope conditions are written against kPath, replaced by the column or, in the page query
// of a walk, by an expression of it (internal::PageQuery). The same parameters serve both.
constexpr std::string_view kPath = "{path}";

std::string WithPathColumn(std::string where, std::string_view column) {
  for (size_t at = where.find(kPath); at != std::string::npos; at = where.find(kPath, at + column.size())) {
    where.replace(at, kPath.size(), column);
  }
  return where;
}

std::string Next(store::Params& p, store::SqlValue v) {
  p.push_back(std::move(v));
  return "$" + std::to_string(p.size());
}

// The WHERE clause of a list: the scope first, then each filter that is set.
Result<std::string> ListWhere(store::Connection& c, const security::Scope& scope,
                              const security::FieldCipher& cipher, const PersonFilter& f,
                              store::Params& p) {
  std::string where = " WHERE " + scope.Condition(kPath, p);
  if (!f.name_prefix.empty()) where += " AND p.name LIKE " + Next(p, f.name_prefix + "%");
  if (!f.id_number.empty()) {
    where += " AND p.id_number_bidx = " +
             Next(p, cipher.BlindIndex("id_number", NormalizeIdNumber(f.id_number)));
  }
  if (!f.tag.empty()) where += " AND p.tags LIKE " + Next(p, "%," + f.tag + ",%");
  if (!f.unit_id.empty()) {
    store::Params up{f.unit_id};
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        "SELECT path FROM org_units WHERE id = $1 AND " + scope.Condition("path", up), up));
    if (rows.empty()) return Status::InvalidField("unitId", "unit_not_found");
    where += " AND " + security::Scope::AtPath(rows[0].Text(0)).Condition(kPath, p);
  }
  return where;
}


// About how many residents the registry holds, for ChooseListPlan: SQLite's largest rowid (an
// upper bound), PostgreSQL's estimate from its last VACUUM or ANALYZE (none yet: the scope's
// own count, as if the scope were everything).
Result<int64_t> RegistryRows(store::Connection& c, int64_t in_scope) {
  const bool sqlite = c.engine() == store::Engine::kSqlite;
  XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(sqlite
      ? "SELECT COALESCE(MAX(rowid), 0) FROM people"
      : "SELECT GREATEST(reltuples, 0)::BIGINT FROM pg_class WHERE oid = 'people'::regclass"));
  int64_t n = rows.empty() ? 0 : rows[0].Int(0);
  return n > 0 ? n : in_scope;
}

Result<internal::ListPlan> Plan(store::Connection& c, const security::Scope& scope, int64_t in_scope,
                                const PersonFilter& f) {
  // First as if the scope were the whole registry: only when that would walk is the registry's
  // real size worth a query.
  internal::ListShape shape{in_scope, in_scope, ByCreation(f.sort),
                            !f.name_prefix.empty() || !f.id_number.empty(), scope.IsVillage()};
  internal::ListPlan plan = internal::ChooseListPlan(shape);
  if (plan != internal::ListPlan::kWalkTimeIndex) return plan;
  XINAN_ASSIGN_OR_RETURN(shape.registry_rows, RegistryRows(c, in_scope));
  return internal::ChooseListPlan(shape);
}

}  // namespace

internal::ListPlan internal::ChooseListPlan(const ListShape& s) {
  if (!s.by_creation || s.searched || s.village) return ListPlan::kAsWritten;
  if (s.in_scope >= kWalkMinRows && s.in_scope * 2 >= s.registry_rows) return ListPlan::kWalkTimeIndex;
  return ListPlan::kSortScope;
}

// The page query's text for `plan`: a walk names the path through an expression, which no
// planner can use for the range; a sort of the scope orders by an expression of the time, which
// no planner can read from the creation-time index.
std::string internal::PageQuery(const std::string& where, const std::string& sort, ListPlan plan) {
  return std::string(kListSelect) +
         WithPathColumn(where, plan == ListPlan::kWalkTimeIndex ? "(p.unit_path || '')" : "p.unit_path") +
         OrderBy(sort, plan == ListPlan::kSortScope ? "(p.created_at + 0)" : "p.created_at");
}

Result<PersonPage> PeopleStore::List(const security::Scope& scope, const PersonFilter& f) {
  PersonPage page;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    store::Params p;
    XINAN_ASSIGN_OR_RETURN(std::string where, ListWhere(c, scope, cipher_, f, p));
    XINAN_ASSIGN_OR_RETURN(store::Rows count, c.Query(
        "SELECT COUNT(*) FROM people p" + WithPathColumn(where, "p.unit_path"), p));
    page.total = count[0].Int(0);
    XINAN_ASSIGN_OR_RETURN(internal::ListPlan plan, Plan(c, scope, page.total, f));
    std::string limit = Next(p, int64_t{f.limit});
    std::string offset = Next(p, int64_t{f.offset});
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        internal::PageQuery(where, f.sort, plan) + " LIMIT " + limit + " OFFSET " + offset, p));
    for (const auto& r : rows) page.items.push_back(internal::PersonFromRow(r));
    return Status::Ok();
  }));
  return page;
}

Result<BreakGlassGrant> PeopleStore::BreakGlass(const security::Actor& actor,
                                                const std::string& id_number,
                                                const std::string& reason) {
  BreakGlassGrant g;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    // Unscoped by design: break-glass is the recorded way across the scope (BRIEF §2).
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, w.conn().Query(
        "SELECT id FROM people WHERE id_number_bidx = $1",
        {cipher_.BlindIndex("id_number", NormalizeIdNumber(id_number))}));
    if (rows.empty()) return Status::NotFoundField("idNumber", "id_number_unknown");
    g = {security::NewId(), actor.user_id, actor.username, "", "", rows[0].Text(0), reason,
         w.NowMillis(), w.NowMillis() + kBreakGlassMillis};
    XINAN_RETURN_IF_ERROR(w.conn().Exec(
        "INSERT INTO break_glass_grants (id, user_id, person_id, reason, created_at, expires_at) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        {g.id, g.user_id, g.person_id, g.reason, g.created_at, g.expires_at}).status());
    return w.Audit(actor.Event("person.break_glass", "person", g.person_id, g.person_id, reason));
  }));
  return g;
}

Result<std::vector<BreakGlassGrant>> PeopleStore::Grants(const security::Scope& scope, int offset, int limit,
                                                        int64_t* total) {
  std::vector<BreakGlassGrant> out;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    store::Params p;
    std::string in_scope = scope.Condition("u.unit_path", p);
    XINAN_ASSIGN_OR_RETURN(store::Rows count, c.Query("SELECT COUNT(*)" + (kGrantFrom + in_scope), p));
    *total = count[0].Int(0);
    std::string page = " ORDER BY g.created_at DESC LIMIT " + Next(p, int64_t{limit});
    page += " OFFSET " + Next(p, int64_t{offset});
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(kGrantSelect + in_scope + page, p));
    for (const auto& r : rows) {
      out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6),
                     r.Int(7), r.Int(8), r.Text(9), r.Text(10)});
    }
    return Status::Ok();
  }));
  return out;
}

}  // namespace xinan::people

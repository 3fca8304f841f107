#include "alerts/store/rule_store.h"

#include <optional>

#include "people/domain/person.h"
#include "security/tokens.h"

namespace xinan::alerts {
namespace {

constexpr const char* kSelect =
    "SELECT id, name, level, scale_code, min_total, min_rise, requires_critical, required_tags, "
    "active, version, created_at, updated_at, max_total FROM warning_rules";
constexpr const char* kInsert =
    "INSERT INTO warning_rules (id, name, level, scale_code, min_total, min_rise, requires_critical, "
    "required_tags, active, max_total, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)";
constexpr const char* kUpdate =
    "UPDATE warning_rules SET name = $1, level = $2, scale_code = $3, min_total = $4, min_rise = $5, "
    "requires_critical = $6, required_tags = $7, active = $8, max_total = $9, updated_at = $10, "
    "version = version + 1 WHERE id = $11 AND version = $12";
constexpr const char* kOrder = " ORDER BY CASE level WHEN 'red' THEN 0 WHEN 'orange' THEN 1 ELSE 2 END, name";

std::optional<double> OptionalReal(const store::Row& r, size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return r.Real(i);
}

store::SqlValue RealOrNull(const std::optional<double>& v) {
  return v ? store::SqlValue(*v) : store::Null();
}

StoredRule FromRow(const store::Row& r) {
  StoredRule s;
  s.rule.id = r.Text(0);
  s.rule.name = r.Text(1);
  s.rule.level = ParseAlertLevel(r.Text(2)).value_or(AlertLevel::kYellow);
  s.rule.scale_code = r.Text(3);
  s.rule.min_total = OptionalReal(r, 4);
  s.rule.min_rise = OptionalReal(r, 5);
  s.rule.requires_critical = r.Int(6) != 0;
  s.rule.required_tags = people::DecodeTags(r.Text(7));
  s.rule.active = r.Int(8) != 0;
  s.version = r.Int(9);
  s.created_at = r.Int(10);
  s.updated_at = r.Int(11);
  s.rule.max_total = OptionalReal(r, 12);
  return s;
}

// The rule's columns after the id, in kInsert/kUpdate order (name … max_total).
store::Params Columns(const WarningRule& r) {
  return {r.name, LevelCode(r.level), store::TextOrNull(r.scale_code), RealOrNull(r.min_total),
          RealOrNull(r.min_rise), int64_t{r.requires_critical}, people::EncodeTags(r.required_tags),
          int64_t{r.active}, RealOrNull(r.max_total)};
}

Status CheckTags(store::Connection& c, const std::vector<std::string>& tags) {
  for (const auto& t : tags) {
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query("SELECT 1 FROM tag_definitions WHERE code = $1", {t}));
    if (rows.empty()) return Status::InvalidField("requiredTags", "tag_invalid");
  }
  return Status::Ok();
}

Result<StoredRule> LoadRule(store::Connection& c, const std::string& id) {
  XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(std::string(kSelect) + " WHERE id = $1", {id}));
  if (rows.empty()) return Status::NotFound();
  return FromRow(rows[0]);
}

}  // namespace

Result<RulePage> RuleStore::List(const std::string& q, int offset, int limit) {
  RulePage page;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    store::Params p{"%" + q + "%"};
    std::string where = " WHERE name LIKE $1";
    XINAN_ASSIGN_OR_RETURN(store::Rows n, c.Query("SELECT COUNT(*) FROM warning_rules" + where, p));
    page.total = n[0].Int(0);
    p.push_back(int64_t{limit});
    p.push_back(int64_t{offset});
    XINAN_ASSIGN_OR_RETURN(store::Rows rows,
                           c.Query(std::string(kSelect) + where + kOrder + " LIMIT $2 OFFSET $3", p));
    for (const auto& r : rows) page.items.push_back(FromRow(r));
    return Status::Ok();
  }));
  return page;
}

Result<RuleStore::Rules> RuleStore::Active() {
  return active_.Get([this] { return ReadActive(); });
}

Result<std::vector<WarningRule>> RuleStore::ReadActive() {
  std::vector<WarningRule> out;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(std::string(kSelect) + " WHERE active = 1"));
    for (const auto& r : rows) out.push_back(FromRow(r).rule);
    return Status::Ok();
  }));
  return out;
}

Result<StoredRule> RuleStore::Create(const security::Actor& actor, WarningRule rule) {
  XINAN_RETURN_IF_ERROR(ValidateRule(rule));
  std::optional<StoredRule> out;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_RETURN_IF_ERROR(CheckTags(w.conn(), rule.required_tags));
    rule.id = security::NewId();
    store::Params p = Columns(rule);
    p.insert(p.begin(), rule.id);
    p.push_back(w.NowMillis());
    XINAN_RETURN_IF_ERROR(w.conn().Exec(kInsert, p).status());
    XINAN_ASSIGN_OR_RETURN(out, LoadRule(w.conn(), rule.id));
    return w.Audit(actor.Event("warning_rule.create", "warning_rule", rule.id));
  }));
  active_.Invalidate();
  return *out;
}

Result<StoredRule> RuleStore::Update(const security::Actor& actor, const std::string& id,
                                     WarningRule rule, int64_t version) {
  XINAN_RETURN_IF_ERROR(ValidateRule(rule));
  std::optional<StoredRule> out;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_RETURN_IF_ERROR(LoadRule(w.conn(), id).status());
    XINAN_RETURN_IF_ERROR(CheckTags(w.conn(), rule.required_tags));
    store::Params p = Columns(rule);
    p.push_back(w.NowMillis());
    p.push_back(id);
    p.push_back(version);
    XINAN_ASSIGN_OR_RETURN(int64_t n, w.conn().Exec(kUpdate, p));
    if (n == 0) return Status::Conflict("version_conflict");
    XINAN_ASSIGN_OR_RETURN(out, LoadRule(w.conn(), id));
    return w.Audit(actor.Event("warning_rule.update", "warning_rule", id));
  }));
  active_.Invalidate();
  return *out;
}

Status RuleStore::Delete(const security::Actor& actor, const std::string& id) {
  Status st = db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(int64_t n, w.conn().Exec("DELETE FROM warning_rules WHERE id = $1", {id}));
    if (n == 0) return Status::NotFound();
    return w.Audit(actor.Event("warning_rule.delete", "warning_rule", id));
  });
  active_.Invalidate();
  return st;
}

}  // namespace xinan::alerts

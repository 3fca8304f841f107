// Org-unit CSV import: parse, then create every unit in one transaction (all or nothing).
#include <map>

#include "common/csv.h"
#include "org/store/org_rows.h"
#include "org/store/org_store.h"
#include "security/tokens.h"

namespace xinan::org {
namespace {

// Resolves the parent of `line` among already-created units (by code), or nullopt (district).
// With a scope, an existing parent must be inside it and a line needs a parent (no new roots).
Result<std::optional<OrgUnit>> ParentOf(store::Connection& c, const ImportLine& line,
                                        const std::map<std::string, OrgUnit>& created,
                                        const security::Scope* scope) {
  if (line.parent_code.empty()) {
    if (scope) return Status::InvalidField(LineField(line.line_no, "parentCode"), "parent_required");
    return std::optional<OrgUnit>();
  }
  if (auto it = created.find(line.parent_code); it != created.end()) return std::optional(it->second);
  store::Params params{line.parent_code};
  std::string in_scope = scope ? " AND " + scope->Condition("path", params) : "";
  XINAN_ASSIGN_OR_RETURN(store::Rows rows,
                         c.Query("SELECT id, path, level FROM org_units WHERE code = $1" + in_scope, params));
  if (rows.empty()) return Status::InvalidField(LineField(line.line_no, "parentCode"), "parent_not_found");
  OrgUnit p;
  p.id = rows[0].Text(0);
  p.code = line.parent_code;
  p.path = rows[0].Text(1);
  p.level = ParseLevel(rows[0].Text(2)).value_or(Level::kVillage);
  return std::optional(p);
}

// Whether a unit with `code` exists, or an earlier line of the file creates one.
Result<bool> CodeTaken(store::Connection& c, const std::string& code,
                       const std::map<std::string, OrgUnit>& created) {
  if (created.count(code)) return true;
  XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query("SELECT 1 FROM org_units WHERE code = $1", {code}));
  return !rows.empty();
}

// The level column as people write it in a spreadsheet: the code, or its Chinese name.
std::string LevelCodeOf(const std::string& cell) {
  static const std::map<std::string, std::string> kNames = {
      {"区", "district"}, {"县", "district"}, {"区县", "district"},
      {"镇", "town"},     {"乡", "town"},     {"街道", "town"},     {"镇/街道", "town"}, {"乡镇", "town"},
      {"村", "village"},  {"社区", "village"}, {"村/社区", "village"}};
  auto it = kNames.find(cell);
  return it == kNames.end() ? cell : it->second;
}

}  // namespace

Result<std::vector<ImportLine>> ParseImportCsv(const std::string& bytes) {
  XINAN_ASSIGN_OR_RETURN(std::string text, CsvText(bytes));
  std::vector<ImportLine> lines;
  std::vector<FieldError> errs;
  for (const auto& [line_no, cols] : CsvDataLines(text)) {
    if (cols.size() < 4) {
      errs.push_back({"line " + std::to_string(line_no), "csv_columns"});
      continue;
    }
    lines.push_back({line_no, cols[0], cols[1], LevelCodeOf(cols[2]), cols[3], cols.size() > 4 ? cols[4] : ""});
  }
  if (!errs.empty()) return Status::Invalid("import_failed", std::move(errs));
  if (lines.empty()) return Status::InvalidField("file", "import_empty");
  return lines;
}

Result<int> OrgStore::Import(const security::Actor& actor, const std::vector<ImportLine>& lines,
                             const security::Scope* scope) {
  int count = 0;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    std::map<std::string, OrgUnit> created;
    std::vector<FieldError> errs;
    for (const auto& line : lines) {
      auto parent = ParentOf(w.conn(), line, created, scope);
      if (!parent.ok() && parent.status().fields().empty()) return parent.status();
      if (!parent.ok()) { errs.push_back(parent.status().fields().at(0)); continue; }
      // Looked up rather than left to the unique index: on PostgreSQL a failed INSERT ends the
      // transaction, and the lines after it could not be checked (they failed with 500).
      XINAN_ASSIGN_OR_RETURN(bool taken, CodeTaken(w.conn(), line.code, created));
      if (taken) { errs.push_back({LineField(line.line_no, "code"), "unit_code_exists"}); continue; }
      UnitInput in{line.code, line.name, line.level, "", line.hotline};
      Status st = ValidateUnitInput(in, *parent);
      for (const auto& f : st.fields()) errs.push_back({LineField(line.line_no, f.field), f.code});
      if (!st.ok()) continue;
      OrgUnit u = internal::Build(in, *parent);
      if (!errs.empty()) {
        // Nothing will be written, but a later line whose parent is this one is still checked
        // against it (else it would be reported as parent_not_found).
        created[u.code] = u;
        continue;
      }
      Status ins = internal::InsertUnit(w, actor, u);
      if (!ins.ok()) {
        for (const auto& f : ins.fields()) errs.push_back({LineField(line.line_no, f.field), f.code});
        if (ins.fields().empty()) return ins;
        continue;
      }
      created[u.code] = u;
      ++count;
    }
    if (!errs.empty()) return Status::Invalid("import_failed", std::move(errs));
    return Status::Ok();
  }));
  return count;
}

}  // namespace xinan::org

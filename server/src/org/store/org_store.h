// OrgStore: the org-unit tree in the database. Every read and write is limited to the
// caller's scope (the unit's path prefix); a unit outside it is reported as not found.
#pragma once

#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "org/domain/org_unit.h"
#include "security/actor.h"
#include "security/scope.h"
#include "store/database.h"

namespace xinan::org {

struct UnitFilter {
  std::string q;          // name prefix or code prefix
  std::string parent_id;  // direct children of this unit
  int offset = 0;
  int limit = 20;
};

struct UnitPage {
  std::vector<OrgUnit> items;
  int64_t total = 0;
};

// One line of an org-unit CSV import: code,name,level,parent_code[,hotline].
struct ImportLine {
  int line_no = 0;
  std::string code, name, level, parent_code, hotline;
};

class OrgStore {
 public:
  explicit OrgStore(store::Database& db) : db_(db) {}

  Result<OrgUnit> Get(const security::Scope& scope, const std::string& id);
  Result<OrgUnit> GetByCode(const security::Scope& scope, const std::string& code);
  // Every unit of the scope ordered by path (parents before children).
  Result<std::vector<OrgUnit>> Subtree(const security::Scope& scope);
  Result<UnitPage> List(const security::Scope& scope, const UnitFilter& filter);

  // Creates a unit under a parent inside the scope (validation as ValidateUnitInput;
  // unknown/out-of-scope parent → field error parentId/parent_not_found; duplicate code →
  // 409 unit_code_exists). Audited as org_unit.create.
  Result<OrgUnit> Create(const security::Actor& actor, const security::Scope& scope,
                         const UnitInput& in);
  // Renames / (de)activates / sets the hotline of a unit in scope; stale `version` → 409.
  Result<OrgUnit> Update(const security::Actor& actor, const security::Scope& scope,
                         const std::string& id, const std::string& name, bool active,
                         const std::string& hotline, int64_t version);
  // Deletes a unit without children, users or residents (409 unit_in_use otherwise);
  // the caller's own unit cannot be deleted (403 unit_is_own).
  Status Delete(const security::Actor& actor, const security::Scope& scope, const std::string& id);

  // Imports lines in one transaction: all or nothing. Parents may be earlier lines or existing
  // units. Errors name the line: field "line 7: code". Returns the number of units created.
  // With a `scope` (the web), existing parents must lie inside it and every line needs a parent;
  // without one (the CLI) a line may start a new district.
  Result<int> Import(const security::Actor& actor, const std::vector<ImportLine>& lines,
                     const security::Scope* scope = nullptr);

 private:
  store::Database& db_;
};

// Parses an uploaded CSV file (UTF-8 with an optional BOM, or GB18030; header row required)
// into import lines; field errors name the line ("line 3") with code csv_columns when a row has
// too few columns, and the file or line as CsvText does (common/csv.h); a file without data
// lines (empty, or a header only) is file/import_empty — for the web and `xinan import` alike.
Result<std::vector<ImportLine>> ParseImportCsv(const std::string& bytes);

}  // namespace xinan::org

#include "campaigns/domain/roster.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "common/csv.h"
#include "common/text.h"
#include "people/domain/phone.h"

namespace xinan::campaigns {

ParsedRoster ParseRosterLines(const std::string& bytes) {
  Result<std::string> csv = CsvText(bytes);
  if (!csv.ok()) return {{}, csv.status().fields()};
  std::vector<RosterLine> out;
  std::vector<FieldError> errs;
  std::set<std::string> phones;
  for (const auto& [line_no, cols] : CsvDataLines(*csv)) {
    if (cols.size() < 3) {
      errs.push_back({"line " + std::to_string(line_no), "roster_columns"});
      continue;
    }
    RosterLine l{line_no, cols[0], people::NormalizePhone(cols[1]), cols[2], cols.size() > 3 ? cols[3] : ""};
    if (l.name.empty()) errs.push_back({LineField(line_no, "name"), "required"});
    else if (CodePoints(l.name) > 50) errs.push_back({LineField(line_no, "name"), "name_too_long"});
    if (CodePoints(l.group) > 100) errs.push_back({LineField(line_no, "group"), "group_too_long"});
    if (!l.phone.empty()) {
      Status ph = people::ValidatePhone(l.phone, LineField(line_no, "phone"));
      if (!ph.ok()) errs.push_back(ph.fields().at(0));
      else if (!phones.insert(l.phone).second) errs.push_back({LineField(line_no, "phone"), "phone_duplicate"});
    }
    if (l.unit_code.empty()) errs.push_back({LineField(line_no, "unitCode"), "required"});
    out.push_back(std::move(l));
  }
  return {std::move(out), std::move(errs)};
}

Result<std::vector<RosterLine>> ParseRoster(const std::string& csv) {
  ParsedRoster parsed = ParseRosterLines(csv);
  XINAN_RETURN_IF_ERROR(RosterStatus(std::move(parsed.errors), parsed.lines.size()));
  return std::move(parsed.lines);
}

Status RosterStatus(std::vector<FieldError> errors, size_t lines) {
  if (!errors.empty()) {
    SortByLine(errors);
    return Status::Invalid("import_failed", std::move(errors));
  }
  if (lines == 0) return Status::Invalid("import_failed", {{"file", "roster_empty"}});
  return Status::Ok();
}

void SortByLine(std::vector<FieldError>& errors) {
  auto line_of = [](const FieldError& e) {
    int n = 0;
    return std::sscanf(e.field.c_str(), "line %d", &n) == 1 ? n : 0;
  };
  std::stable_sort(errors.begin(), errors.end(),
                   [&](const FieldError& a, const FieldError& b) { return line_of(a) < line_of(b); });
}

}  // namespace xinan::campaigns

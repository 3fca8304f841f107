// Campaign rosters (target lists): parsing the CSV a counsellor uploads (the web UI turns
// an Excel sheet into the same CSV) into validated lines. Pure; all or nothing.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"

namespace xinan::campaigns {

struct RosterLine {
  int line_no = 0;
  std::string name, phone, unit_code, group;  // phone normalised; may be empty
};

// Header row, then `name,phone,unitCode[,group]`. Every error of every line is reported as a
// field "line N: <column>" (name required / name_too_long past 50 characters, group
// group_too_long past 100, phone phone_format, unitCode required,
// a repeated phone phone_duplicate; fewer than 3 columns roster_columns); an empty roster is
// roster_empty. Nothing is returned unless every line is valid.
Result<std::vector<RosterLine>> ParseRoster(const std::string& csv);

// The same reading, keeping both: every line of at least 3 columns (valid or not) and every
// error the text shows, so the store can add the errors only the database can tell (a unit
// code outside the campaign) and report them all in one answer.
struct ParsedRoster {
  std::vector<RosterLine> lines;
  std::vector<FieldError> errors;
};
ParsedRoster ParseRosterLines(const std::string& bytes);

// Sorts "line N: …" errors by N (file order), keeping the order within a line.
void SortByLine(std::vector<FieldError>& errors);

// The verdict on a roster of `lines` lines with `errors` (the parser's and the store's):
// import_failed with the errors in line order, import_failed/roster_empty, or OK.
Status RosterStatus(std::vector<FieldError> errors, size_t lines);

}  // namespace xinan::campaigns

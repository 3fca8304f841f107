// Excel (.xlsx) export: one small table model written with libxlsxwriter. Every table the
// district sees exports through here, with Chinese headers.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "common/result.h"

namespace xinan::report {

// An instant shown as the district's local date and time (Asia/Shanghai), as an Excel date
// cell, so it sorts and filters as a date.
struct Instant {
  int64_t millis = 0;  // since the Unix epoch
};

using Cell = std::variant<std::string, double, Instant>;

// The Asia/Shanghai wall-clock time of `millis` (UTC+8, no daylight saving) as
// {year, month, day, hour, minute, second}.
struct LocalTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0;
  double second = 0;
};
LocalTime ShanghaiLocalTime(int64_t millis);

struct Sheet {
  std::string name;                  // made fit for Excel by SheetNames
  std::vector<std::string> headers;  // bold first row
  std::vector<std::vector<Cell>> rows;
};

// Names Excel accepts for sheets wanted as `wanted`, in order: without []:*?/\, not beginning
// or ending with an apostrophe, at most 31 characters, unique ignoring case ("PHQ-9 (2)" for a
// second "PHQ-9", "Sheet3" for an empty third one). Scale names come from definition files a
// district writes, and libxlsxwriter refuses a sheet it cannot name.
std::vector<std::string> SheetNames(const std::vector<std::string>& wanted);

// `text` as a cell can hold it: at most 32,767 characters (Excel's limit), else cut to 32,766
// whole characters and "…". libxlsxwriter leaves a longer string out of the file without a word.
std::string FitForCell(const std::string& text);

// The bytes of an .xlsx workbook with `sheets` (at least one), named through SheetNames. Fails
// (kInternal) only when the library cannot write its temporary file or refuses a sheet.
Result<std::string> WriteXlsx(const std::vector<Sheet>& sheets);

}  // namespace xinan::report

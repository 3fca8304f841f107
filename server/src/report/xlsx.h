// Excel (.xlsx) export: one small table model written with libxlsxwriter. Every table the
// district sees exports through here, with Chinese headers.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "common/result.h"

namespace xinan::report {

using Cell = std::variant<std::string, double>;

struct Sheet {
  std::string name;                  // at most 31 characters, no []:*?/\ (Excel's rules)
  std::vector<std::string> headers;  // bold first row
  std::vector<std::vector<Cell>> rows;
};

// The bytes of an .xlsx workbook with `sheets` (at least one). Fails (kInternal) only when
// the library cannot write its temporary file.
Result<std::string> WriteXlsx(const std::vector<Sheet>& sheets);

}  // namespace xinan::report

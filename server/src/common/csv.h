// CSV input shared by the importers (org units, campaign rosters): UTF-8 text with an
// optional BOM, a header row, quoted fields with "" escapes; numbered data lines.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"

namespace xinan {

// The bytes of an uploaded file as UTF-8 text: UTF-8 as they are, else converted from GB18030
// (the web page decodes both, so the API and the CLI take the same files). Errors, as an
// "import_failed" problem: ("file", "file_encoding") when they are neither, and
// ("line N", "control_character") for each line that holds a control character.
Result<std::string> CsvText(const std::string& bytes);

// The fields of one CSV line, each trimmed of surrounding spaces.
std::vector<std::string> SplitCsvLine(const std::string& line);

struct CsvLine {
  int line_no = 0;  // 1-based line number in the file (the header is line 1)
  std::vector<std::string> fields;
};
// The non-blank data lines after the header, with their line numbers.
std::vector<CsvLine> CsvDataLines(const std::string& text);

// "line 3: phone": the field name of an error on one line of an import.
std::string LineField(int line_no, const std::string& field);

}  // namespace xinan

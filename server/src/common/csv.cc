#include "common/csv.h"

#include <sstream>

#include "common/text.h"

namespace xinan {

Result<std::string> CsvText(const std::string& bytes) {
  std::string text;
  if (IsUtf8(bytes)) {
    text = bytes;
  } else if (auto converted = Gb18030ToUtf8(bytes)) {
    text = std::move(*converted);
  } else {
    return Status::Invalid("import_failed", {{"file", "file_encoding"}});
  }
  std::vector<FieldError> errs;
  std::istringstream in(text);
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (HasControlCharacter(line)) errs.push_back({"line " + std::to_string(line_no), "control_character"});
  }
  if (!errs.empty()) return Status::Invalid("import_failed", std::move(errs));
  return text;
}

std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') { cur += '"'; ++i; }
    else if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) { out.push_back(cur); cur.clear(); }
    else cur += c;
  }
  out.push_back(cur);
  for (auto& s : out) {
    size_t b = s.find_first_not_of(" \t\r");
    s = b == std::string::npos ? "" : s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
  }
  return out;
}

std::vector<CsvLine> CsvDataLines(const std::string& text) {
  std::vector<CsvLine> out;
  std::istringstream in(text.rfind("\xEF\xBB\xBF", 0) == 0 ? text.substr(3) : text);
  std::string raw;
  int line_no = 0;
  while (std::getline(in, raw)) {
    ++line_no;
    if (line_no == 1) continue;  // header
    if (raw.find_first_not_of(" \t\r") == std::string::npos) continue;
    out.push_back({line_no, SplitCsvLine(raw)});
  }
  return out;
}

std::string LineField(int line_no, const std::string& field) {
  return "line " + std::to_string(line_no) + ": " + field;
}

}  // namespace xinan

#include "report/xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/fiber.h"

namespace xinan::report {
namespace {

void WriteSheet(lxw_workbook* wb, const Sheet& s, lxw_format* bold) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.empty() ? nullptr : s.name.c_str());
  for (size_t c = 0; c < s.headers.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), s.headers[c].c_str(), bold);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 14, nullptr);
  }
  for (size_t r = 0; r < s.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < s.rows[r].size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      if (const auto* d = std::get_if<double>(&s.rows[r][c])) worksheet_write_number(ws, row, col, *d, nullptr);
      else worksheet_write_string(ws, row, col, std::get<std::string>(s.rows[r][c]).c_str(), nullptr);
    }
  }
  if (!s.headers.empty()) worksheet_freeze_panes(ws, 1, 0);
}

Result<std::string> WriteXlsxHere(const std::vector<Sheet>& sheets) {
  std::string path = (std::filesystem::temp_directory_path() / "xinan-export-XXXXXX").string();
  int fd = mkstemp(path.data());
  if (fd < 0) return Status::Internal("xlsx: cannot create a temporary file");
  close(fd);
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) {
    std::filesystem::remove(path);
    return Status::Internal("xlsx: cannot open workbook");
  }
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  for (const auto& s : sheets) WriteSheet(wb, s, bold);
  lxw_error err = workbook_close(wb);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  if (err != LXW_NO_ERROR) return Status::Internal(std::string("xlsx: ") + lxw_strerror(err));
  return bytes.str();
}

}  // namespace

// Compressing a workbook through a temporary file takes a while: off the IO thread in a request.
Result<std::string> WriteXlsx(const std::vector<Sheet>& sheets) {
  Result<std::string> out = Status::Internal("xlsx: not written");
  fiber::Blocking([&] { out = WriteXlsxHere(sheets); });
  return out;
}

}  // namespace xinan::report

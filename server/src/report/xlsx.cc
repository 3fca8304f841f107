#include "report/xlsx.h"

#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string_view>

#include "common/fiber.h"
#include "common/text.h"

namespace xinan::report {
namespace {

lxw_error WriteCell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Cell& cell, lxw_format* datetime) {
  if (const auto* d = std::get_if<double>(&cell)) return worksheet_write_number(ws, row, col, *d, nullptr);
  if (const auto* t = std::get_if<Instant>(&cell)) {
    LocalTime l = ShanghaiLocalTime(t->millis);
    lxw_datetime dt{l.year, l.month, l.day, l.hour, l.minute, l.second};
    return worksheet_write_datetime(ws, row, col, &dt, datetime);
  }
  return worksheet_write_string(ws, row, col, FitForCell(std::get<std::string>(cell)).c_str(), nullptr);
}

// A file for the workbook that has no name in any directory (O_TMPFILE), reached by libxlsxwriter
// through /proc/self/fd: an export interrupted by a crash leaves no file of names and answers
// behind. -1 where the file system cannot (the caller then uses a named temporary file).
int AnonymousFile(const std::filesystem::path& dir) {
  return ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
}

std::string ReadWhole(int fd) {
  std::string out;
  char buf[65536];
  for (off_t at = 0;;) {
    ssize_t n = ::pread(fd, buf, sizeof buf, at);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
    at += n;
  }
  return out;
}

constexpr size_t kMaxSheetName = 31;  // characters

// `name` without the characters Excel refuses in a sheet name and without leading or trailing
// apostrophes, cut to `max_chars` characters (whole UTF-8 sequences).
std::string CleanSheetName(const std::string& name, size_t max_chars) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < name.size();) {
    size_t len = 1;
    auto lead = static_cast<unsigned char>(name[i]);
    if (lead >= 0xF0) len = 4;
    else if (lead >= 0xE0) len = 3;
    else if (lead >= 0xC0) len = 2;
    len = std::min(len, name.size() - i);
    if (!(len == 1 && std::string_view("[]:*?/\\").find(name[i]) != std::string_view::npos)) {
      if (chars == max_chars) break;
      out.append(name, i, len);
      ++chars;
    }
    i += len;
  }
  while (!out.empty() && out.front() == '\'') out.erase(0, 1);
  while (!out.empty() && out.back() == '\'') out.pop_back();
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Status WriteSheet(lxw_workbook* wb, const Sheet& s, const std::string& name, lxw_format* bold,
                  lxw_format* datetime) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (!ws) return Status::Internal("xlsx: sheet name refused");
  for (size_t c = 0; c < s.headers.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), s.headers[c].c_str(), bold);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 14, nullptr);
  }
  for (size_t r = 0; r < s.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < s.rows[r].size(); ++c) {
      // A cell libxlsxwriter refuses (past Excel's last row or column) would be missing from the
      // file without a word: the export fails instead.
      if (lxw_error e = WriteCell(ws, row, static_cast<lxw_col_t>(c), s.rows[r][c], datetime); e != LXW_NO_ERROR) {
        return Status::Internal(std::string("xlsx: cell not written: ") + lxw_strerror(e));
      }
    }
  }
  // Date cells need ~19 characters; in a narrower column Excel shows "#####".
  if (!s.rows.empty()) {
    for (size_t c = 0; c < s.rows[0].size(); ++c) {
      if (std::holds_alternative<Instant>(s.rows[0][c])) {
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 20, nullptr);
      }
    }
  }
  if (!s.headers.empty()) worksheet_freeze_panes(ws, 1, 0);
  return Status::Ok();
}

Result<std::string> WriteXlsxHere(const std::vector<Sheet>& sheets) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  int fd = AnonymousFile(dir);
  const bool named = fd < 0;
  std::string path = named ? (dir / "xinan-export-XXXXXX").string() : "/proc/self/fd/" + std::to_string(fd);
  if (named && (fd = mkstemp(path.data())) < 0) return Status::Internal("xlsx: cannot create a temporary file");
  auto discard = [&] {
    ::close(fd);
    if (named) std::filesystem::remove(path);
  };
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) {
    discard();
    return Status::Internal("xlsx: cannot open workbook");
  }
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* datetime = workbook_add_format(wb);
  format_set_num_format(datetime, "yyyy-mm-dd hh:mm:ss");
  std::vector<std::string> wanted;
  for (const auto& s : sheets) wanted.push_back(s.name);
  std::vector<std::string> names = SheetNames(wanted);
  Status written = Status::Ok();
  for (size_t i = 0; i < sheets.size() && written.ok(); ++i) {
    written = WriteSheet(wb, sheets[i], names[i], bold, datetime);
  }
  lxw_error err = workbook_close(wb);
  std::string bytes = ReadWhole(fd);  // libxlsxwriter wrote the file this descriptor holds
  discard();
  if (!written.ok()) return written;
  if (err != LXW_NO_ERROR) return Status::Internal(std::string("xlsx: ") + lxw_strerror(err));
  return bytes;
}

}  // namespace

std::string FitForCell(const std::string& text) {
  constexpr size_t kMaxCellChars = 32767;  // Excel's limit; libxlsxwriter refuses longer strings
  if (CodePoints(text) <= kMaxCellChars) return text;
  return std::string(Utf8Prefix(text, kMaxCellChars - 1)) + "…";
}

std::vector<std::string> SheetNames(const std::vector<std::string>& wanted) {
  std::vector<std::string> out;
  std::set<std::string> taken;  // lower-case
  for (size_t i = 0; i < wanted.size(); ++i) {
    std::string base = CleanSheetName(wanted[i], kMaxSheetName);
    if (base.empty()) base = "Sheet" + std::to_string(i + 1);
    std::string name = base;
    for (int n = 2; taken.count(Lower(name)) > 0; ++n) {
      std::string suffix = " (" + std::to_string(n) + ")";
      name = CleanSheetName(base, kMaxSheetName - suffix.size()) + suffix;
    }
    taken.insert(Lower(name));
    out.push_back(std::move(name));
  }
  return out;
}

LocalTime ShanghaiLocalTime(int64_t millis) {
  constexpr int64_t kOffsetMillis = 8 * 3600 * 1000;
  int64_t local = millis + kOffsetMillis;
  int64_t ms_of_day = ((local % 86400000) + 86400000) % 86400000;
  int64_t days = (local - ms_of_day) / 86400000;
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  LocalTime l;
  l.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  l.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  l.year = static_cast<int>(yoe + era * 400 + (l.month <= 2 ? 1 : 0));
  l.hour = static_cast<int>(ms_of_day / 3600000);
  l.minute = static_cast<int>(ms_of_day / 60000 % 60);
  l.second = static_cast<double>(ms_of_day % 60000) / 1000.0;
  return l;
}

// Compressing a workbook through a temporary file takes a while: off the IO thread in a request.
Result<std::string> WriteXlsx(const std::vector<Sheet>& sheets) {
  Result<std::string> out = Status::Internal("xlsx: not written");
  fiber::Blocking([&] { out = WriteXlsxHere(sheets); });
  return out;
}

}  // namespace xinan::report

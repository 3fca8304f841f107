#include "people/domain/id_number.h"

#include <algorithm>
#include <cctype>

namespace xinan::people {
namespace {

constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheckChars[] = "10X98765432";

bool AllDigits(const std::string& s, size_t from, size_t to) {
  return std::all_of(s.begin() + from, s.begin() + to,
                     [](unsigned char c) { return std::isdigit(c); });
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

std::string NormalizeIdNumber(const std::string& raw) {
  size_t b = raw.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  std::string s = raw.substr(b, raw.find_last_not_of(' ') - b + 1);
  if (!s.empty() && s.back() == 'x') s.back() = 'X';
  return s;
}

bool IsValidDate(const std::string& ymd) {
  if (ymd.size() != 10 || ymd[4] != '-' || ymd[7] != '-') return false;
  if (!AllDigits(ymd, 0, 4) || !AllDigits(ymd, 5, 7) || !AllDigits(ymd, 8, 10)) return false;
  int y = std::stoi(ymd.substr(0, 4)), m = std::stoi(ymd.substr(5, 2)),
      d = std::stoi(ymd.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  int max = kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
  return d <= max;
}

char IdNumberCheckChar(const std::string& first17) {
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheckChars[sum % 11];
}

std::string IdNumberBirthDate(const std::string& id) {
  return id.substr(6, 4) + "-" + id.substr(10, 2) + "-" + id.substr(12, 2);
}

std::string IdNumberGender(const std::string& id) {
  return (id[16] - '0') % 2 == 1 ? "male" : "female";
}

std::string MaskIdNumber(const std::string& id) {
  if (id.size() <= 8) return std::string(id.size(), '*');
  return id.substr(0, 4) + std::string(id.size() - 8, '*') + id.substr(id.size() - 4);
}

Status ValidateIdNumber(const std::string& id, const std::string& today, const std::string& field) {
  if (id.size() == 15 && AllDigits(id, 0, 15)) return Status::InvalidField(field, "id_number_legacy_15");
  if (id.size() != 18) return Status::InvalidField(field, "id_number_length");
  if (!AllDigits(id, 0, 17) || !(std::isdigit(static_cast<unsigned char>(id[17])) || id[17] == 'X')) {
    return Status::InvalidField(field, "id_number_format");
  }
  std::string birth = IdNumberBirthDate(id);
  if (!IsValidDate(birth) || birth < "1900-01-01" || birth > today) {
    return Status::InvalidField(field, "id_number_birth_date");
  }
  if (IdNumberCheckChar(id) != id[17]) return Status::InvalidField(field, "id_number_checksum");
  return Status::Ok();
}

}  // namespace xinan::people

#include "people/domain/phone.h"

#include <algorithm>
#include <cctype>

namespace xinan::people {

std::string NormalizePhone(const std::string& raw) {
  std::string s;
  for (char c : raw) if (c != ' ' && c != '-') s += c;
  if (s.rfind("+86", 0) == 0) s = s.substr(3);
  else if (s.size() == 13 && s.rfind("86", 0) == 0) s = s.substr(2);
  return s;
}

Status ValidatePhone(const std::string& p, const std::string& field) {
  bool ok = p.size() == 11 && p[0] == '1' && p[1] >= '3' && p[1] <= '9' &&
            std::all_of(p.begin(), p.end(), [](unsigned char c) { return std::isdigit(c); });
  return ok ? Status::Ok() : Status::InvalidField(field, "phone_format");
}

std::string MaskPhone(const std::string& p) {
  if (p.size() < 7) return std::string(p.size(), '*');
  return p.substr(0, 3) + std::string(p.size() - 7, '*') + p.substr(p.size() - 4);
}

}  // namespace xinan::people

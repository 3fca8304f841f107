#include "org/domain/org_unit.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "common/text.h"

namespace xinan::org {
namespace {

bool Digits(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// Digits of a code that a child must share: 6 under a district, 9 under a town.
size_t SharedPrefix(Level parent) { return parent == Level::kDistrict ? 6 : 9; }

void CheckLevel(const UnitInput& in, const std::optional<OrgUnit>& parent,
                std::vector<FieldError>& errs) {
  auto level = ParseLevel(in.level);
  if (!level) return errs.push_back({"level", "level_invalid"});
  bool fits = parent ? (static_cast<int>(*level) == static_cast<int>(parent->level) + 1)
                     : *level == Level::kDistrict;
  if (!fits) return errs.push_back({"level", "level_parent_mismatch"});
  if (parent && Digits(in.code) && in.code.size() == 12) {
    size_t n = SharedPrefix(parent->level);
    if (in.code.compare(0, n, parent->code, 0, n) != 0) {
      errs.push_back({"code", "code_parent_mismatch"});
    }
  }
}

}  // namespace

std::string LevelCode(Level level) {
  switch (level) {
    case Level::kDistrict: return "district";
    case Level::kTown: return "town";
    case Level::kVillage: return "village";
  }
  return "village";
}

std::optional<Level> ParseLevel(const std::string& code) {
  if (code == "district") return Level::kDistrict;
  if (code == "town") return Level::kTown;
  if (code == "village") return Level::kVillage;
  return std::nullopt;
}

Status ValidateUnitInput(const UnitInput& in, const std::optional<OrgUnit>& parent) {
  std::vector<FieldError> errs;
  if (in.code.empty()) errs.push_back({"code", "required"});
  else if (in.code.size() != 12 || !Digits(in.code)) errs.push_back({"code", "code_format"});
  if (in.name.empty()) errs.push_back({"name", "required"});
  else if (CodePoints(in.name) > 60) errs.push_back({"name", "name_too_long"});
  CheckLevel(in, parent, errs);
  if (!in.hotline.empty()) {
    bool ok = in.hotline.size() >= 3 && in.hotline.size() <= 20 &&
              std::all_of(in.hotline.begin(), in.hotline.end(),
                          [](unsigned char c) { return std::isdigit(c) || c == '-'; });
    if (!ok) errs.push_back({"hotline", "hotline_format"});
  }
  if (errs.empty()) return Status::Ok();
  return Status::Invalid("validation_failed", std::move(errs));
}

std::string ChildPath(const std::string& parent_path, const std::string& code) {
  return (parent_path.empty() ? "/" : parent_path) + code + "/";
}

}  // namespace xinan::org

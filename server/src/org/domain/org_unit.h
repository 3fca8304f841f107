// Org units: the district → town/sub-district → village/community tree with 12-digit
// statistical division codes (统计用区划代码), and the rules a new or changed unit must meet.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/status.h"

namespace xinan::org {

enum class Level { kDistrict, kTown, kVillage };

struct OrgUnit {
  std::string id;
  std::string code;
  std::string name;
  Level level = Level::kVillage;
  std::string parent_id;
  std::string path;  // "/<district code>/<town code>/<village code>/"
  bool active = true;
  std::string hotline;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t version = 1;
};

std::string LevelCode(Level level);  // "district" | "town" | "village"
std::optional<Level> ParseLevel(const std::string& code);

// What a create request carries.
struct UnitInput {
  std::string code;
  std::string name;
  std::string level;
  std::string parent_id;
  std::string hotline;
};

// Validates a new unit under `parent` (nullopt for a district). Field errors:
// code: required, code_format (12 digits), code_parent_mismatch (a town shares the district's
// first 6 digits, a village the town's first 9); name: required, name_too_long (> 60);
// level: level_invalid, level_parent_mismatch (district has no parent, town under district,
// village under town); hotline: hotline_format (digits and '-', 3-20 characters).
Status ValidateUnitInput(const UnitInput& in, const std::optional<OrgUnit>& parent);

// The child's materialised path.
std::string ChildPath(const std::string& parent_path, const std::string& code);

}  // namespace xinan::org

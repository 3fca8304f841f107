// A resident of the registry and the validation of what a user submits for one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"

namespace xinan::people {

// What a create or update request carries, after JSON parsing (values still unvalidated).
struct PersonInput {
  std::string name;
  std::string gender;      // male | female
  std::string birth_date;  // YYYY-MM-DD
  std::string id_number;   // optional; normalised by ValidatePersonInput
  std::string phone;       // optional; normalised by ValidatePersonInput
  std::string address;
  std::string unit_id;
  std::vector<std::string> tags;
  int64_t version = 0;     // required on update
};

// A stored resident with decrypted identifiers (detail view) or masked ones (lists).
struct Person {
  std::string id;
  std::string unit_id;
  std::string unit_code;
  std::string unit_name;
  std::string unit_path;
  std::string name;
  std::string gender;
  std::string birth_date;
  std::string id_number;         // full value only on detail reads
  std::string id_number_masked;
  std::string phone;             // full value only on detail reads
  std::string phone_masked;
  std::string address;
  std::vector<std::string> tags;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t version = 1;
  bool via_break_glass = false;
};

// Validates and normalises `in` in place. `today` is the Asia/Shanghai date. Collects every
// field error (not just the first): name required/too long, gender_invalid, birth_date_invalid
// (format, real date, not in the future), the ID-number errors of id_number.h,
// birth_date_mismatch / gender_mismatch against the ID number, phone_format,
// address_too_long, unitId required, tag_invalid when a tag is not in `known_tags`.
Status ValidatePersonInput(PersonInput& in, const std::string& today,
                           const std::vector<std::string>& known_tags);

// Tags are stored as ",a,b," so a tag filter is one LIKE '%,code,%'.
std::string EncodeTags(const std::vector<std::string>& tags);
std::vector<std::string> DecodeTags(const std::string& stored);

// A resident moved to another unit (what follows the resident, such as open alerts, moves too).
struct ResidentMove {
  std::string person_id;
  std::string unit_id, unit_path, unit_name;  // the new unit
};

}  // namespace xinan::people

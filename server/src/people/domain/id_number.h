// Resident identity card numbers (居民身份证号码, GB 11643-1999): validation, derived birth
// date and gender, and the masked form shown in lists.
#pragma once

#include <string>

#include "common/status.h"

namespace xinan::people {

// Upper-cases a trailing 'x' and strips surrounding spaces.
std::string NormalizeIdNumber(const std::string& raw);

// Checks an 18-character number: 17 digits + check character (0-9 or X); the birth date
// (characters 7-14) is a real date between 1900-01-01 and `today` ("YYYY-MM-DD"); the check
// character matches the ISO 7064 MOD 11-2 checksum. Field errors on `field`:
// id_number_legacy_15 (15-digit first-generation numbers are not accepted), id_number_length,
// id_number_format, id_number_birth_date, id_number_checksum.
Status ValidateIdNumber(const std::string& normalized, const std::string& today,
                        const std::string& field = "idNumber");

// The check character for the first 17 digits.
char IdNumberCheckChar(const std::string& first17);
// "YYYY-MM-DD" from a valid number.
std::string IdNumberBirthDate(const std::string& id);
// "male" or "female" from the 17th digit (odd = male).
std::string IdNumberGender(const std::string& id);
// First 4 and last 4 characters with the rest starred: "3304**********123X".
std::string MaskIdNumber(const std::string& id);

// True for "YYYY-MM-DD" naming a real calendar date.
bool IsValidDate(const std::string& ymd);

}  // namespace xinan::people

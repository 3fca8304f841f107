// Mainland mobile phone numbers: validation and the masked form shown in lists.
#pragma once

#include <string>

#include "common/status.h"

namespace xinan::people {

// Strips spaces, dashes and a leading "+86"/"86".
std::string NormalizePhone(const std::string& raw);
// 11 digits starting 13-19; field error "phone_format" on `field`.
Status ValidatePhone(const std::string& normalized, const std::string& field = "phone");
// "138****5678".
std::string MaskPhone(const std::string& phone);

}  // namespace xinan::people

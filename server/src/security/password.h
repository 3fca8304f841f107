// Passwords: Argon2id hashing and verification (libsodium crypto_pwhash_str) and the policy
// a new password must meet.
#pragma once

#include <string>

#include "common/result.h"

namespace xinan::security {

// Cost of Argon2id. kInteractive (libsodium's interactive limits) in production; kMinimum only
// for tests and demo seeding, where thousands of hashes would otherwise take minutes.
enum class PasswordCost { kInteractive, kMinimum };

// Returns the encoded Argon2id hash (algorithm, parameters and salt included).
// Fails with kInternal only when memory cannot be allocated.
Result<std::string> HashPassword(const std::string& password,
                                 PasswordCost cost = PasswordCost::kInteractive);
// True when `password` matches `encoded_hash`. Constant-time in the password.
bool VerifyPassword(const std::string& encoded_hash, const std::string& password);

// Policy: at least 10 characters (Unicode code points), at most 128, and not containing the
// username (case-insensitive). Field errors on `field`: password_too_short, password_too_long,
// password_contains_username.
Status CheckPasswordPolicy(const std::string& username, const std::string& password,
                           const std::string& field = "password");

}  // namespace xinan::security

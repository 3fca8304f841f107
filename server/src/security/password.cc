#include "security/password.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include "common/fiber.h"
#include "common/text.h"
#include "security/sodium_init.h"

namespace xinan::security {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

Result<std::string> HashPassword(const std::string& password, PasswordCost cost) {
  EnsureSodium();
  char out[crypto_pwhash_STRBYTES];
  unsigned long long ops = cost == PasswordCost::kMinimum ? crypto_pwhash_OPSLIMIT_MIN
                                                          : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  size_t mem = cost == PasswordCost::kMinimum ? crypto_pwhash_MEMLIMIT_MIN
                                              : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  int rc = 0;
  // Argon2id takes tens of milliseconds by design: off the IO thread when inside a request.
  fiber::Blocking([&] {
    rc = crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem,
                               crypto_pwhash_ALG_ARGON2ID13);
  });
  if (rc != 0) return Status::Internal("argon2id hashing failed (out of memory)");
  return std::string(out);
}

bool VerifyPassword(const std::string& encoded_hash, const std::string& password) {
  EnsureSodium();
  if (encoded_hash.empty()) return false;
  bool ok = false;
  fiber::Blocking([&] {
    ok = crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
  });
  return ok;
}

Status CheckPasswordPolicy(const std::string& username, const std::string& password,
                           const std::string& field) {
  size_t n = CodePoints(password);
  if (n < 10) return Status::InvalidField(field, "password_too_short");
  if (n > 128) return Status::InvalidField(field, "password_too_long");
  if (!username.empty() && Lower(password).find(Lower(username)) != std::string::npos) {
    return Status::InvalidField(field, "password_contains_username");
  }
  return Status::Ok();
}

}  // namespace xinan::security

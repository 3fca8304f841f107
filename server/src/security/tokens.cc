#include "security/tokens.h"

#include <sodium.h>

#include <array>
#include <chrono>
#include <cstring>
#include <vector>

#include "security/sodium_init.h"

namespace xinan::security {
namespace {

// Random bytes for identifiers (unique and unguessable, never keys or tokens): kernel
// randomness drawn 4 KB at a time per thread instead of one getrandom call per id.
void IdBytes(unsigned char* out, size_t n) {
  thread_local std::array<unsigned char, 4096> pool;
  thread_local size_t used = pool.size();
  if (n > pool.size() - used) {
    EnsureSodium();
    randombytes_buf(pool.data(), pool.size());
    used = 0;
  }
  std::memcpy(out, pool.data() + used, n);
  used += n;
}

std::string Base64Url(const unsigned char* raw, size_t bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw, bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

}  // namespace

std::string RandomToken(size_t bytes) {
  EnsureSodium();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  return Base64Url(raw.data(), raw.size());
}

std::string NewRequestId() {
  unsigned char raw[12];
  IdBytes(raw, sizeof raw);
  return Base64Url(raw, sizeof raw);
}

std::string NewId() {
  EnsureSodium();
  // 6 bytes of milliseconds since the epoch, then 10 random bytes: ids sort by creation, so
  // primary-key inserts append to the index instead of touching a random page each.
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::system_clock::now().time_since_epoch()).count();
  unsigned char raw[16];
  for (int i = 0; i < 6; ++i) raw[i] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
  IdBytes(raw + 6, 10);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  return std::string(hex, 32);
}

bool SameSecret(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         (a.empty() || sodium_memcmp(a.data(), b.data(), a.size()) == 0);
}

std::string Sha256Hex(const std::string& data) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

}  // namespace xinan::security

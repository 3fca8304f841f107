// FieldCipher: encryption at rest of personal fields (ID-card numbers, phones) and the keyed
// blind index that lets the store find an exact value without decrypting every row.
// One 32-byte master key (the data key file) yields two subkeys via crypto_kdf: one for
// XSalsa20-Poly1305 secretbox, one for the BLAKE2b blind index. Thread-safe (immutable).
#pragma once

#include <array>
#include <functional>
#include <string>

#include "common/result.h"

namespace xinan::security {

class FieldCipher {
 public:
  static constexpr size_t kKeyBytes = 32;
  using Key = std::array<unsigned char, kKeyBytes>;

  explicit FieldCipher(const Key& master_key);

  // Loads the hex master key from `path`; when the file does not exist, generates one and
  // writes it durably with mode 0600 (creating parent directories), setting *created = true —
  // unless `data_sealed` says data encrypted with some key exists already (kUnavailable then: a
  // new key would leave it unreadable). Fails when the file exists but is unreadable, malformed,
  // or readable by group/others.
  static Result<FieldCipher> LoadOrCreate(const std::string& path, bool* created,
                                          const std::function<Result<bool>()>& data_sealed = nullptr);
  // A cipher with a random key (tests).
  static FieldCipher Random();

  // base64(nonce || secretbox(plain)). A fresh random nonce each call.
  std::string Encrypt(const std::string& plain) const;
  // Inverse of Encrypt; "decrypt_failed" (kInternal) when tampered or under another key.
  Result<std::string> Decrypt(const std::string& sealed) const;
  // Deterministic keyed hash (hex) of `normalized` for exact-match lookups; `domain` separates
  // kinds of value ("id_number", "phone") so equal strings of different kinds never collide.
  std::string BlindIndex(const std::string& domain, const std::string& normalized) const;

 private:
  Key box_key_{};
  Key index_key_{};
};

}  // namespace xinan::security

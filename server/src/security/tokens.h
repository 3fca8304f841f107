// Random opaque tokens and digests: session tokens are random, only their SHA-256 is stored.
#pragma once

#include <string>
#include <string_view>

namespace xinan::security {

// `bytes` random bytes from the OS CSPRNG, base64url without padding.
std::string RandomToken(size_t bytes = 32);
// A record id: 32 lower-case hex characters, a millisecond timestamp then 80 random bits
// (unguessable, and ordered by creation time so index inserts append).
std::string NewId();
// A request id for logs and audit rows: 16 URL-safe characters.
std::string NewRequestId();
// Whether two secrets are equal, in time that depends on their length only.
bool SameSecret(std::string_view a, std::string_view b);
// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(const std::string& data);

}  // namespace xinan::security

// One-time libsodium initialisation; every security function calls it first.
#pragma once

namespace xinan::security {
// Initialises libsodium once (thread-safe). Aborts start-up if libsodium cannot initialise.
void EnsureSodium();
}  // namespace xinan::security

#include "security/sodium_init.h"

#include <sodium.h>

#include <cstdlib>
#include <stdexcept>

namespace xinan::security {

void EnsureSodium() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace xinan::security

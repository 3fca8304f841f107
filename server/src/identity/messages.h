// Registers the identity module's message codes in the catalogue (called once from main).
#pragma once

namespace xinan::identity {
void RegisterIdentityMessages();
}  // namespace xinan::identity

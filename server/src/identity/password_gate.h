// PasswordGate: one password check per account at a time (per instance). Sign-in checks the
// lockout before the Argon2 check and counts a failure after it; without the gate, guesses sent
// in parallel all pass the check before the first failure is counted, and the 5-failure lockout
// would allow as many guesses as could be sent at once. Thread-safe.
#pragma once

#include <mutex>
#include <string>
#include <unordered_set>

namespace xinan::identity {

class PasswordGate {
 public:
  // Holds the gate of one account while alive; `entered()` is false when another check of the
  // same account was running (the caller answers "busy" instead of checking).
  class Pass {
   public:
    Pass(PasswordGate& gate, std::string account) : gate_(gate), account_(std::move(account)) {
      std::lock_guard lock(gate_.mu_);
      entered_ = gate_.checking_.insert(account_).second;
    }
    ~Pass() {
      if (!entered_) return;
      std::lock_guard lock(gate_.mu_);
      gate_.checking_.erase(account_);
    }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;
    bool entered() const { return entered_; }

   private:
    PasswordGate& gate_;
    std::string account_;
    bool entered_ = false;
  };

 private:
  std::mutex mu_;
  std::unordered_set<std::string> checking_;  // GUARDED_BY(mu_)
};

}  // namespace xinan::identity

// Demo data: a fictional district (心安区, code 330499) with 7 towns, about 60 villages, one
// user per role per level and a few hundred fictional residents with valid checksummed
// fictional ID numbers. For demos and end-to-end tests only.
#pragma once

#include <map>
#include <ostream>
#include <string>

#include "cli/services.h"

namespace xinan::demo {

struct SeedOptions {
  std::string password;   // one password for every demo user; empty = a random one each
  int residents = 300;
  security::PasswordCost cost = security::PasswordCost::kInteractive;
};

// Seeds an empty database and prints every login to `out`. Fails with "demo_already_seeded"
// when the district exists.
Status SeedDemo(cli::Services& s, const SeedOptions& o, std::ostream& out);

// A fictional 18-digit ID number in the demo district: birth date, sequence and gender digit,
// with the correct check character.
std::string FictionalIdNumber(const std::string& birth_yyyymmdd, int sequence, bool male);

// Hands out fictional ID numbers that never repeat: the sequence counts the residents born on
// each date (500 per date; a seed's resident index, as before, repeated numbers once a few
// thousand residents shared birth dates, and seeding stopped half done).
class FictionalIds {
 public:
  std::string Next(const std::string& birth_yyyymmdd, bool male) {
    return FictionalIdNumber(birth_yyyymmdd, born_on_[birth_yyyymmdd]++, male);
  }

 private:
  std::map<std::string, int> born_on_;
};

}  // namespace xinan::demo

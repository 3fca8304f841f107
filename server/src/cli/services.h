// Services: the wired-up modules of one xinan process — database, field cipher, clock, stores,
// auth — built once in main and shared by the server and the command-line tools.
#pragma once

#include <memory>

#include "audit/audit_store.h"
#include "cli/config.h"
#include "common/clock.h"
#include "identity/auth_service.h"
#include "org/store/org_store.h"
#include "people/store/people_store.h"
#include "security/field_cipher.h"
#include "store/database.h"

namespace xinan::cli {

struct Services {
  SystemClock clock;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<security::FieldCipher> cipher;
  std::unique_ptr<org::OrgStore> org;
  std::unique_ptr<identity::UserStore> users;
  std::unique_ptr<identity::AuthService> auth;
  std::unique_ptr<people::PeopleStore> people;
  std::unique_ptr<audit::AuditStore> audit;
};

struct ServicesOptions {
  identity::LoginPolicy policy;
  int read_pool_size = 8;  // read connections (serve: one per worker, see ServicesFor)
  security::PasswordCost cost = security::PasswordCost::kInteractive;
  int login_attempts_per_minute = 30;
  int64_t session_cache_millis = 0;  // 0: every request reads its session from the database
  int max_batch = 512;
  int max_wait_micros = 300;
  int64_t wal_reserve_bytes = 0;  // SQLite (store::DatabaseOptions); serve: --wal-reserve-mb
};

// Opens (and migrates) the database, loads or creates the data key, and builds every store.
// Prints a warning to back up a newly generated key.
Result<std::unique_ptr<Services>> OpenServices(const CommonConfig& common, const ServicesOptions& o);

// Registers every module's message codes (once per process).
void RegisterAllMessages();

}  // namespace xinan::cli

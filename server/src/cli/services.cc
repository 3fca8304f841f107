#include "cli/services.h"

#include <spdlog/spdlog.h>

#include "alerts/http/alert_routes.h"
#include "alerts/store/alert_store.h"
#include "assess/http/assess_routes.h"
#include "campaigns/http/campaign_routes.h"
#include "common/messages.h"
#include "identity/messages.h"
#include "org/http/org_routes.h"
#include "people/http/people_routes.h"

namespace xinan::cli {

void RegisterAllMessages() {
  static const bool once = [] {
    identity::RegisterIdentityMessages();
    org::RegisterOrgMessages();
    people::RegisterPeopleMessages();
    assess::RegisterAssessMessages();
    alerts::RegisterAlertMessages();
    campaigns::RegisterCampaignMessages();
    RegisterMessages({{"date_invalid", "日期格式应为 YYYY-MM-DD", "Dates are YYYY-MM-DD"}});
    return true;
  }();
  (void)once;
}

Result<std::unique_ptr<Services>> OpenServices(const CommonConfig& common,
                                               const ServicesOptions& o) {
  RegisterAllMessages();
  auto s = std::make_unique<Services>();
  store::DatabaseOptions dbo;
  dbo.url = common.db;
  dbo.clock = &s->clock;
  dbo.max_batch = o.max_batch;
  dbo.max_wait_micros = o.max_wait_micros;
  dbo.read_pool_size = o.read_pool_size;
  dbo.wal_reserve_bytes = o.wal_reserve_bytes;
  XINAN_ASSIGN_OR_RETURN(s->db, store::OpenDatabase(dbo));
  bool created = false;
  XINAN_ASSIGN_OR_RETURN(security::FieldCipher cipher,
                         security::FieldCipher::LoadOrCreate(common.data_key_file, &created,
                                                             [&] { return people::HoldsSealedFields(*s->db); }));
  if (created) {
    spdlog::warn("generated a new data key at {} (mode 0600). BACK IT UP: without it the "
                 "encrypted ID numbers and phones cannot be read.", common.data_key_file);
  }
  s->cipher = std::make_unique<security::FieldCipher>(cipher);
  s->org = std::make_unique<org::OrgStore>(*s->db);
  s->users = std::make_unique<identity::UserStore>(*s->db, o.policy);
  s->auth = std::make_unique<identity::AuthService>(*s->users, s->clock, o.cost,
                                                    o.login_attempts_per_minute,
                                                    o.session_cache_millis);
  s->people = std::make_unique<people::PeopleStore>(*s->db, *s->cipher, s->clock);
  s->people->OnMoved(alerts::AlertStore::TransferOpen);  // open alerts follow a resident who moves
  s->audit = std::make_unique<audit::AuditStore>(*s->db);
  return s;
}

}  // namespace xinan::cli

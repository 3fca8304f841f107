#include "campaigns/domain/campaign.h"

#include "common/text.h"

#include "people/domain/id_number.h"
#include "people/domain/person.h"

namespace xinan::campaigns {

Status ValidateCampaign(const CampaignInput& in, const std::function<bool(const std::string&)>& scale_known) {
  std::vector<FieldError> errs;
  if (in.name.empty()) errs.push_back({"name", "required"});
  else if (CodePoints(in.name) > 200) errs.push_back({"name", "name_too_long"});
  if (CodePoints(in.target_group) > 200) errs.push_back({"targetGroup", "target_group_too_long"});
  if (CodePoints(in.consent_text) > 2000) errs.push_back({"consentText", "consent_too_long"});
  if (in.unit_id.empty()) errs.push_back({"unitId", "required"});
  if (in.scale_codes.empty()) errs.push_back({"scaleCodes", "required"});
  for (const auto& c : in.scale_codes) {
    if (!scale_known(c)) { errs.push_back({"scaleCodes", "scale_unknown"}); break; }
  }
  bool start_ok = people::IsValidDate(in.starts_on), end_ok = people::IsValidDate(in.ends_on);
  if (!start_ok) errs.push_back({"startsOn", "date_invalid"});
  if (!end_ok) errs.push_back({"endsOn", "date_invalid"});
  if (start_ok && end_ok && in.ends_on < in.starts_on) errs.push_back({"endsOn", "ends_before_start"});
  if (in.target_size < 0) errs.push_back({"targetSize", "target_size_invalid"});
  if (errs.empty()) return Status::Ok();
  return Status::Invalid("validation_failed", std::move(errs));
}

bool IsOpen(const std::string& starts_on, const std::string& ends_on, const std::string& today) {
  return starts_on <= today && today <= ends_on;
}

Coverage CountCoverage(int64_t roster_size, int64_t declared_target, int64_t completed, int64_t positive) {
  Coverage c;
  c.target = roster_size > 0 ? roster_size : declared_target;
  c.completed = completed;
  c.positive = positive;
  c.coverage = c.target > 0 ? static_cast<double>(completed) / static_cast<double>(c.target) : 0;
  c.positive_rate = completed > 0 ? static_cast<double>(positive) / static_cast<double>(completed) : 0;
  return c;
}

// The same ",a,b," list encoding as population tags.
std::string EncodeCodes(const std::vector<std::string>& codes) { return people::EncodeTags(codes); }

std::vector<std::string> DecodeCodes(const std::string& stored) { return people::DecodeTags(stored); }

}  // namespace xinan::campaigns

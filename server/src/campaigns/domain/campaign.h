// Screening campaigns (普查/团体测评): the pure rules — what makes a campaign valid, whether it
// is open on a date, and how coverage and positive rate are counted.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/status.h"

namespace xinan::campaigns {

struct CampaignInput {
  std::string name;
  std::string unit_id;
  std::string target_group;             // "初二年级", "某工厂员工", a tag code …
  std::vector<std::string> scale_codes;
  std::string starts_on, ends_on;       // YYYY-MM-DD, Asia/Shanghai, inclusive
  std::string consent_text;
  bool show_result = true;              // schools usually hide results from respondents
  int64_t target_size = 0;              // declared size; a roster, when imported, replaces it
};

// Field errors: name required / name_too_long (over 200 characters); unitId required; scaleCodes required /
// scale_unknown (per `scale_known`); startsOn, endsOn date_invalid; endsOn ends_before_start;
// targetSize target_size_invalid (negative).
Status ValidateCampaign(const CampaignInput& in, const std::function<bool(const std::string&)>& scale_known);

// Whether a campaign running from `starts_on` to `ends_on` (inclusive) takes answers on `today`.
bool IsOpen(const std::string& starts_on, const std::string& ends_on, const std::string& today);

struct Coverage {
  int64_t target = 0;     // roster size when a roster exists, else the declared size
  int64_t completed = 0;  // roster members who answered when there is a roster, else distinct respondents
  int64_t positive = 0;   // of those, the ones with at least one positive result
  double coverage = 0;    // completed / target, 0 when there is no target
  double positive_rate = 0;  // positive / completed, 0 when nobody answered
};
Coverage CountCoverage(int64_t roster_size, int64_t declared_target, int64_t completed, int64_t positive);

// Campaign scale codes are stored as ",phq9,gad7,".
std::string EncodeCodes(const std::vector<std::string>& codes);
std::vector<std::string> DecodeCodes(const std::string& stored);

}  // namespace xinan::campaigns

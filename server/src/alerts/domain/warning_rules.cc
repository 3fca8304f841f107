#include "alerts/domain/warning_rules.h"

#include <algorithm>

#include "common/text.h"

namespace xinan::alerts {
namespace {

bool Matches(const WarningRule& r, const RuleInput& in) {
  if (!r.active) return false;
  if (!r.scale_code.empty() && r.scale_code != in.scale_code) return false;
  if (r.requires_critical && !in.critical) return false;
  if (r.min_total && in.total < *r.min_total) return false;
  if (r.max_total && in.total > *r.max_total) return false;
  if (r.min_rise && (!in.previous_total || in.total - *in.previous_total < *r.min_rise)) return false;
  if (!r.required_tags.empty()) {
    bool any = std::any_of(r.required_tags.begin(), r.required_tags.end(), [&](const auto& t) {
      return std::find(in.tags.begin(), in.tags.end(), t) != in.tags.end();
    });
    if (!any) return false;
  }
  return true;
}

}  // namespace

std::string LevelCode(AlertLevel level) {
  switch (level) {
    case AlertLevel::kRed: return "red";
    case AlertLevel::kOrange: return "orange";
    case AlertLevel::kYellow: return "yellow";
  }
  return "yellow";
}

std::optional<AlertLevel> ParseAlertLevel(const std::string& code) {
  if (code == "red") return AlertLevel::kRed;
  if (code == "orange") return AlertLevel::kOrange;
  if (code == "yellow") return AlertLevel::kYellow;
  return std::nullopt;
}

Status ValidateRule(const WarningRule& r) {
  std::vector<FieldError> errs;
  if (r.name.empty()) errs.push_back({"name", "required"});
  else if (CodePoints(r.name) > 100) errs.push_back({"name", "name_too_long"});
  if (!r.min_total && !r.max_total && !r.min_rise && !r.requires_critical && r.required_tags.empty()) {
    errs.push_back({"conditions", "rule_without_condition"});
  }
  if (r.min_total && r.max_total && *r.min_total > *r.max_total) errs.push_back({"maxTotal", "rule_total_band_empty"});
  if (r.min_rise && *r.min_rise <= 0) errs.push_back({"minRise", "rule_rise_positive"});
  if (errs.empty()) return Status::Ok();
  return Status::Invalid("validation_failed", std::move(errs));
}

Status CheckRuleReachable(const WarningRule& r, double lowest, double highest) {
  std::vector<FieldError> errs;
  if (r.min_total && *r.min_total > highest) errs.push_back({"minTotal", "rule_total_unreachable"});
  if (r.max_total && *r.max_total < lowest) errs.push_back({"maxTotal", "rule_total_below_lowest"});
  if (r.min_rise && *r.min_rise > highest - lowest) errs.push_back({"minRise", "rule_rise_unreachable"});
  if (errs.empty()) return Status::Ok();
  return Status::Invalid("validation_failed", std::move(errs));
}

std::optional<Evaluation> Evaluate(const std::vector<WarningRule>& rules, const RuleInput& in) {
  std::optional<Evaluation> out;
  if (in.critical) out = Evaluation{AlertLevel::kRed, {}};
  for (const auto& r : rules) {
    if (!Matches(r, in)) continue;
    if (!out) out = Evaluation{r.level, {}};
    out->level = std::max(out->level, r.level);
    out->rule_ids.push_back(r.id);
  }
  return out;
}

std::vector<WarningRule> DefaultRules() {
  std::vector<WarningRule> rules(4);
  rules[0] = {"default-critical", "任一危机条目阳性", AlertLevel::kRed, "", std::nullopt, std::nullopt, std::nullopt, true, {}, true};
  rules[1] = {"default-phq9-20", "PHQ-9 ≥ 20", AlertLevel::kOrange, "phq9", 20.0, std::nullopt, std::nullopt, false, {}, true};
  rules[2] = {"default-gad7-15", "GAD-7 ≥ 15", AlertLevel::kOrange, "gad7", 15.0, std::nullopt, std::nullopt, false, {}, true};
  rules[3] = {"default-phq9-10", "PHQ-9 ≥ 10", AlertLevel::kYellow, "phq9", 10.0, std::nullopt, std::nullopt, false, {}, true};
  return rules;
}

}  // namespace xinan::alerts

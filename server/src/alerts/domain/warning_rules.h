// Warning rules: data-defined conditions over one assessment result that raise an alert of a
// level (red / orange / yellow). Pure functions; the rules themselves are rows managed by
// district admins. A critical answer (e.g. PHQ-9 item 9 > 0) is always red, whatever the rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace xinan::alerts {

enum class AlertLevel { kYellow = 1, kOrange = 2, kRed = 3 };

std::string LevelCode(AlertLevel level);  // "yellow" | "orange" | "red"
std::optional<AlertLevel> ParseAlertLevel(const std::string& code);

// What a rule can look at: one scored result and the person's context.
struct RuleInput {
  std::string scale_code;              // "phq9"
  double total = 0;                    // derived total as scored
  std::optional<double> previous_total;  // the person's previous result on the same scale
  bool critical = false;               // any critical item fired
  std::vector<std::string> tags;       // the person's special-population tags
};

// One rule. Conditions that are set must all hold (AND). A rule with no scale applies to
// every scale; `min_total` compares with >=, `max_total` with <= (for scales where a low total
// is the warning sign, e.g. WHO-5 ≤ 28; both together make a band); `min_rise` with
// total - previous >= min_rise.
struct WarningRule {
  std::string id;
  std::string name;
  AlertLevel level = AlertLevel::kYellow;
  std::string scale_code;                 // "" = any scale
  std::optional<double> min_total;
  std::optional<double> max_total;
  std::optional<double> min_rise;
  bool requires_critical = false;
  std::vector<std::string> required_tags;  // person must carry at least one of these
  bool active = true;
};

// Validates a rule: name required; at least one condition; min_rise > 0; min_total not above
// max_total. Field errors.
Status ValidateRule(const WarningRule& rule);

// For a rule on one scale whose totals run from `lowest` to `highest`: a threshold no total can
// reach (minTotal above the highest, maxTotal below the lowest, minRise above highest − lowest)
// is an error, since such a rule would never fire. Field errors; Ok when the rule can fire.
Status CheckRuleReachable(const WarningRule& rule, double lowest, double highest);

// The matched rules' highest level, with the ids of every matching rule; nullopt when none
// matches. A critical result yields red even when no rule mentions it.
struct Evaluation {
  AlertLevel level;
  std::vector<std::string> rule_ids;
};
std::optional<Evaluation> Evaluate(const std::vector<WarningRule>& rules, const RuleInput& input);

// The rules shipped with a new district: any critical item → red; PHQ-9 ≥ 20 or GAD-7 ≥ 15 →
// orange; PHQ-9 ≥ 10 → yellow.
std::vector<WarningRule> DefaultRules();

}  // namespace xinan::alerts

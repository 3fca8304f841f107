// Scales as data: the in-memory form of one versioned instrument definition (PHQ-9, GAD-7, …)
// loaded from scales/*.json, and the pure scoring of a set of answers against it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

namespace xinan::assess {

struct Text {
  std::string zh;
  std::string en;
};

struct Option {
  int value = 0;
  Text label;
};

struct Item {
  std::string id;
  Text text;
  std::string loinc;            // "" when LOINC has no code for the item
  std::vector<Option> options;  // resolved from the option set
  bool reverse = false;         // scored as (min + max - value)
};

enum class Method { kSum, kMean, kSumTimesFactor };
enum class Rounding { kNone, kFloor, kRound };

struct Band {
  double min = 0;  // inclusive
  double max = 0;  // inclusive
  std::string code;
  Text label;
  bool positive = false;  // a positive screen
};

// A sub-scale (factor): a named subset of items scored after item reversal, e.g. the PSS-10's
// perceived helplessness (items 1, 2, 3, 6, 9, 10). `mean` is not rounded.
struct Factor {
  std::string code;
  Text name;
  std::vector<std::string> items;  // ids of existing items, each at most once
  Method method = Method::kSum;    // kSum or kMean
};

// An item whose answer at or above `min_value` is critical (e.g. PHQ-9 item 9 ≥ 1).
struct CriticalRule {
  std::string item;
  int min_value = 1;
  Text message;
};

struct Scale {
  std::string code;
  std::string version;
  Text name;
  std::string license;
  Text instructions;  // empty when the file has none
  std::string loinc_panel;
  std::string loinc_total;
  std::vector<Item> items;
  Method method = Method::kSum;
  double factor = 1;
  Rounding rounding = Rounding::kNone;
  std::vector<Band> bands;
  std::vector<CriticalRule> critical;
  std::vector<Factor> factors;  // in file order; empty when the instrument defines none

  const Item* FindItem(const std::string& id) const;
  // The lowest and highest total the scoring can produce.
  std::pair<double, double> TotalRange() const;
};

using Answers = std::map<std::string, int>;  // item id -> chosen option value

struct FactorScore {
  std::string code;
  double score = 0;
};

struct ScoreResult {
  double raw = 0;    // sum of item scores (after reversal)
  double total = 0;  // after the method, factor and rounding
  std::string band;
  bool positive = false;
  std::vector<std::string> critical_items;  // ids of critical items that fired
  std::vector<FactorScore> factors;         // one per Scale::factors, in the same order
  // A stored result's own flag: its items cannot be named again once its scale version's file
  // is gone, but it stays critical.
  bool stored_critical = false;
  bool critical() const { return stored_critical || !critical_items.empty(); }
};

// Scores `answers` against `scale`: total, band, critical items and factor scores. Every item must be answered with one of its option
// values; errors are field errors on "answers.<itemId>": answer_missing,
// answer_out_of_range, or answer_unknown_item for an id the scale does not have.
Result<ScoreResult> Score(const Scale& scale, const Answers& answers);

}  // namespace xinan::assess

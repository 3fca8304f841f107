#include <algorithm>
#include <cmath>

#include "assess/domain/scale.h"

namespace xinan::assess {
namespace {

std::pair<int, int> OptionRange(const Item& item) {
  int lo = item.options.front().value, hi = lo;
  for (const auto& o : item.options) {
    lo = std::min(lo, o.value);
    hi = std::max(hi, o.value);
  }
  return {lo, hi};
}

int ItemScore(const Item& item, int value) {
  if (!item.reverse) return value;
  auto [lo, hi] = OptionRange(item);
  return lo + hi - value;
}

double Finish(const Scale& s, double raw) {
  double total = raw;
  if (s.method == Method::kMean) total = raw / static_cast<double>(s.items.size());
  if (s.method == Method::kSumTimesFactor) total = raw * s.factor;
  if (s.rounding == Rounding::kFloor) total = std::floor(total + 1e-9);
  if (s.rounding == Rounding::kRound) total = std::round(total);
  return total;
}

FactorScore ScoreFactor(const Scale& s, const Factor& f, const Answers& answers) {
  double sum = 0;
  for (const auto& id : f.items) sum += ItemScore(*s.FindItem(id), answers.at(id));
  double score = f.method == Method::kMean ? sum / static_cast<double>(f.items.size()) : sum;
  return {f.code, score};
}

Status CheckAnswers(const Scale& s, const Answers& answers) {
  std::vector<FieldError> errs;
  for (const auto& [id, value] : answers) {
    if (!s.FindItem(id)) errs.push_back({"answers." + id, "answer_unknown_item"});
  }
  for (const auto& item : s.items) {
    auto it = answers.find(item.id);
    if (it == answers.end()) {
      errs.push_back({"answers." + item.id, "answer_missing"});
      continue;
    }
    bool known = std::any_of(item.options.begin(), item.options.end(),
                             [&](const Option& o) { return o.value == it->second; });
    if (!known) errs.push_back({"answers." + item.id, "answer_out_of_range"});
  }
  if (errs.empty()) return Status::Ok();
  return Status::Invalid("validation_failed", std::move(errs));
}

}  // namespace

const Item* Scale::FindItem(const std::string& id) const {
  for (const auto& i : items) if (i.id == id) return &i;
  return nullptr;
}

std::pair<double, double> Scale::TotalRange() const {
  double lo = 0, hi = 0;
  for (const auto& item : items) {
    auto [a, b] = OptionRange(item);
    lo += a;
    hi += b;
  }
  return {Finish(*this, lo), Finish(*this, hi)};
}

Result<ScoreResult> Score(const Scale& s, const Answers& answers) {
  XINAN_RETURN_IF_ERROR(CheckAnswers(s, answers));
  ScoreResult r;
  for (const auto& item : s.items) r.raw += ItemScore(item, answers.at(item.id));
  r.total = Finish(s, r.raw);
  for (const auto& b : s.bands) {
    if (r.total >= b.min && r.total <= b.max) {
      r.band = b.code;
      r.positive = b.positive;
      break;
    }
  }
  for (const auto& c : s.critical) {
    if (answers.at(c.item) >= c.min_value) r.critical_items.push_back(c.item);
  }
  for (const auto& f : s.factors) r.factors.push_back(ScoreFactor(s, f, answers));
  return r;
}

}  // namespace xinan::assess

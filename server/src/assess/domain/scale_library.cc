#include "assess/domain/scale_library.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/json.h"

namespace xinan::assess {
namespace {

// Parsing state: the file name for error messages.
struct Parser {
  std::string file;

  Status Fail(const std::string& path, const std::string& why) const {
    return Status::Invalid("scale_invalid", {}, file + ": " + path + ": " + why);
  }

  Result<std::string> Str(const json::object& o, const char* key, const std::string& path, bool required = true) const {
    auto it = o.find(key);
    if (it == o.end() || it->value().is_null()) {
      if (required) return Fail(path + "." + key, "required");
      return std::string();
    }
    if (!it->value().is_string()) return Fail(path + "." + key, "must be a string");
    return std::string(it->value().as_string());
  }

  Result<double> Num(const json::object& o, const char* key, const std::string& path) const {
    auto it = o.find(key);
    if (it == o.end() || !it->value().is_number()) return Fail(path + "." + key, "must be a number");
    return it->value().to_number<double>();
  }

  Result<Text> TextOf(const json::object& o, const char* key, const std::string& path) const {
    auto it = o.find(key);
    if (it == o.end() || !it->value().is_object()) return Fail(path + "." + key, "must be {\"zh-CN\", \"en\"}");
    const auto& t = it->value().as_object();
    XINAN_ASSIGN_OR_RETURN(std::string zh, Str(t, "zh-CN", path + "." + key));
    XINAN_ASSIGN_OR_RETURN(std::string en, Str(t, "en", path + "." + key));
    return Text{zh, en};
  }

  Result<const json::array*> Arr(const json::object& o, const char* key, const std::string& path) const {
    auto it = o.find(key);
    if (it == o.end() || !it->value().is_array() || it->value().as_array().empty()) {
      return Fail(path + "." + key, "must be a non-empty array");
    }
    return &it->value().as_array();
  }

  Result<std::vector<Option>> Options(const json::array& a, const std::string& path) const {
    std::vector<Option> out;
    for (size_t i = 0; i < a.size(); ++i) {
      std::string p = path + "[" + std::to_string(i) + "]";
      if (!a[i].is_object()) return Fail(p, "must be an object");
      const auto& o = a[i].as_object();
      auto v = o.find("value");
      if (v == o.end() || !IntIfInRange(v->value())) return Fail(p + ".value", "must be an integer");
      XINAN_ASSIGN_OR_RETURN(Text label, TextOf(o, "label", p));
      for (const auto& prev : out) {
        if (prev.value == v->value().as_int64()) return Fail(p + ".value", "duplicate option value");
      }
      out.push_back({static_cast<int>(v->value().as_int64()), label});
    }
    return out;
  }

  Result<std::map<std::string, std::vector<Option>>> OptionSets(const json::object& root) const {
    std::map<std::string, std::vector<Option>> sets;
    auto it = root.find("optionSets");
    if (it == root.end() || !it->value().is_object()) return Fail("optionSets", "must be an object of option lists");
    for (const auto& [name, list] : it->value().as_object()) {
      std::string p = "optionSets." + std::string(name);
      if (!list.is_array() || list.as_array().empty()) return Fail(p, "must be a non-empty array");
      XINAN_ASSIGN_OR_RETURN(sets[std::string(name)], Options(list.as_array(), p));
    }
    return sets;
  }

  Status Items(const json::object& root, const std::map<std::string, std::vector<Option>>& sets, Scale& s) const {
    XINAN_ASSIGN_OR_RETURN(std::string fallback, Str(root, "defaultOptionSet", "", false));
    XINAN_ASSIGN_OR_RETURN(const json::array* items, Arr(root, "items", ""));
    for (size_t i = 0; i < items->size(); ++i) {
      std::string p = "items[" + std::to_string(i) + "]";
      if (!(*items)[i].is_object()) return Fail(p, "must be an object");
      const auto& o = (*items)[i].as_object();
      Item item;
      XINAN_ASSIGN_OR_RETURN(item.id, Str(o, "id", p));
      if (s.FindItem(item.id)) return Fail(p + ".id", "duplicate item id " + item.id);
      XINAN_ASSIGN_OR_RETURN(item.text, TextOf(o, "text", p));
      XINAN_ASSIGN_OR_RETURN(item.loinc, Str(o, "loinc", p, false));
      XINAN_ASSIGN_OR_RETURN(std::string set, Str(o, "optionSet", p, false));
      if (set.empty()) set = fallback;
      auto found = sets.find(set);
      if (found == sets.end()) return Fail(p + ".optionSet", "unknown option set '" + set + "'");
      item.options = found->second;
      XINAN_ASSIGN_OR_RETURN(item.reverse, Flag(o, "reverse", p));
      s.items.push_back(std::move(item));
    }
    return Status::Ok();
  }

  Status Scoring(const json::object& root, Scale& s) const {
    auto it = root.find("scoring");
    if (it == root.end() || !it->value().is_object()) return Fail("scoring", "required");
    const auto& o = it->value().as_object();
    XINAN_ASSIGN_OR_RETURN(std::string method, Str(o, "method", "scoring"));
    if (method == "sum") s.method = Method::kSum;
    else if (method == "mean") s.method = Method::kMean;
    else if (method == "sum_times_factor") s.method = Method::kSumTimesFactor;
    else return Fail("scoring.method", "must be sum, mean or sum_times_factor");
    if (s.method == Method::kSumTimesFactor) {
      XINAN_ASSIGN_OR_RETURN(s.factor, Num(o, "factor", "scoring"));
      if (s.factor <= 0) return Fail("scoring.factor", "must be > 0");
    }
    XINAN_ASSIGN_OR_RETURN(std::string rounding, Str(o, "rounding", "scoring", false));
    if (rounding.empty() || rounding == "none") s.rounding = Rounding::kNone;
    else if (rounding == "floor") s.rounding = Rounding::kFloor;
    else if (rounding == "round") s.rounding = Rounding::kRound;
    else return Fail("scoring.rounding", "must be none, floor or round");
    return Status::Ok();
  }

  Status Bands(const json::object& root, Scale& s) const {
    XINAN_ASSIGN_OR_RETURN(const json::array* bands, Arr(root, "bands", ""));
    for (size_t i = 0; i < bands->size(); ++i) {
      std::string p = "bands[" + std::to_string(i) + "]";
      if (!(*bands)[i].is_object()) return Fail(p, "must be an object");
      const auto& o = (*bands)[i].as_object();
      Band b;
      XINAN_ASSIGN_OR_RETURN(b.min, Num(o, "min", p));
      XINAN_ASSIGN_OR_RETURN(b.max, Num(o, "max", p));
      XINAN_ASSIGN_OR_RETURN(b.code, Str(o, "code", p));
      XINAN_ASSIGN_OR_RETURN(b.label, TextOf(o, "label", p));
      XINAN_ASSIGN_OR_RETURN(b.positive, Flag(o, "positive", p));
      if (b.max < b.min) return Fail(p, "max < min");
      if (!s.bands.empty() && b.min <= s.bands.back().max) return Fail(p, "overlaps bands[" + std::to_string(i - 1) + "]");
      s.bands.push_back(std::move(b));
    }
    return Status::Ok();
  }

  // Bands must cover every total the scoring can produce, without gaps.
  Status Coverage(const Scale& s) const {
    auto [lo, hi] = s.TotalRange();
    if (s.bands.front().min > lo) return Fail("bands[0].min", "does not cover the lowest total " + std::to_string(lo));
    if (s.bands.back().max < hi) return Fail("bands", "do not cover the highest total " + std::to_string(hi));
    // Whole totals: rounded, or a sum (of whole option values) times a whole factor.
    bool integral = s.rounding != Rounding::kNone || s.method == Method::kSum ||
                    (s.method == Method::kSumTimesFactor && s.factor == std::floor(s.factor));
    for (size_t i = 1; i < s.bands.size(); ++i) {
      double gap = s.bands[i].min - s.bands[i - 1].max;
      if (integral ? gap > 1 : gap > 0.01) return Fail("bands[" + std::to_string(i) + "].min", "leaves a gap after bands[" + std::to_string(i - 1) + "]");
    }
    return Status::Ok();
  }

  // A critical rule on an item must be able to fire and must not fire on every answer.
  Status CriticalReachable(const Item& item, double min_value, const std::string& p) const {
    bool some_below = false, some_reach = false;
    for (const auto& o : item.options) {
      (o.value >= min_value ? some_reach : some_below) = true;
    }
    if (!some_reach) return Fail(p + ".minValue", "no option of item '" + item.id + "' reaches it");
    if (!some_below) return Fail(p + ".minValue", "every answer to item '" + item.id + "' would be critical");
    return Status::Ok();
  }

  // An optional true/false member: absent is false, anything but a boolean is refused.
  Result<bool> Flag(const json::object& o, const char* key, const std::string& p) const {
    auto it = o.find(key);
    if (it == o.end()) return false;
    if (!it->value().is_bool()) return Fail(p + "." + key, "must be true or false");
    return it->value().as_bool();
  }

  Status Critical(const json::object& root, Scale& s) const {
    auto it = root.find("critical");
    if (it == root.end()) return Status::Ok();
    if (!it->value().is_array()) return Fail("critical", "must be an array");
    const auto& a = it->value().as_array();
    for (size_t i = 0; i < a.size(); ++i) {
      std::string p = "critical[" + std::to_string(i) + "]";
      if (!a[i].is_object()) return Fail(p, "must be an object");
      const auto& o = a[i].as_object();
      CriticalRule c;
      XINAN_ASSIGN_OR_RETURN(c.item, Str(o, "item", p));
      if (!s.FindItem(c.item)) return Fail(p + ".item", "no item '" + c.item + "'");
      XINAN_ASSIGN_OR_RETURN(double v, Num(o, "minValue", p));
      if (v != std::floor(v)) return Fail(p + ".minValue", "must be a whole number (an option value)");
      XINAN_RETURN_IF_ERROR(CriticalReachable(*s.FindItem(c.item), v, p));
      c.min_value = static_cast<int>(v);
      XINAN_ASSIGN_OR_RETURN(c.message, TextOf(o, "message", p));
      s.critical.push_back(std::move(c));
    }
    return Status::Ok();
  }

  Result<Factor> FactorOf(const json::value& v, const std::string& p, const Scale& s) const {
    if (!v.is_object()) return Fail(p, "must be an object");
    const auto& o = v.as_object();
    Factor f;
    XINAN_ASSIGN_OR_RETURN(f.code, Str(o, "code", p));
    XINAN_ASSIGN_OR_RETURN(f.name, TextOf(o, "name", p));
    XINAN_ASSIGN_OR_RETURN(const json::array* items, Arr(o, "items", p));
    for (size_t i = 0; i < items->size(); ++i) {
      std::string ip = p + ".items[" + std::to_string(i) + "]";
      if (!(*items)[i].is_string()) return Fail(ip, "must be an item id (string)");
      std::string id((*items)[i].as_string());
      if (!s.FindItem(id)) return Fail(ip, "no item '" + id + "'");
      if (std::find(f.items.begin(), f.items.end(), id) != f.items.end()) {
        return Fail(ip, "item '" + id + "' listed twice");
      }
      f.items.push_back(std::move(id));
    }
    XINAN_ASSIGN_OR_RETURN(std::string method, Str(o, "method", p, false));
    if (method.empty() || method == "sum") f.method = Method::kSum;
    else if (method == "mean") f.method = Method::kMean;
    else return Fail(p + ".method", "must be sum or mean");
    return f;
  }

  // Optional sub-scales: unique codes, existing items.
  Status Factors(const json::object& root, Scale& s) const {
    auto it = root.find("factors");
    if (it == root.end()) return Status::Ok();
    if (!it->value().is_array()) return Fail("factors", "must be an array");
    const auto& a = it->value().as_array();
    for (size_t i = 0; i < a.size(); ++i) {
      std::string p = "factors[" + std::to_string(i) + "]";
      XINAN_ASSIGN_OR_RETURN(Factor f, FactorOf(a[i], p, s));
      for (const auto& prev : s.factors) {
        if (prev.code == f.code) return Fail(p + ".code", "duplicate factor code " + f.code);
      }
      s.factors.push_back(std::move(f));
    }
    return Status::Ok();
  }

  Result<Scale> Parse(std::string_view text) const {
    auto parsed = ParseObject(text);
    if (!parsed.ok()) return Fail("$", "not a JSON object: " + parsed.status().detail());
    const json::object& root = *parsed;
    Scale s;
    XINAN_ASSIGN_OR_RETURN(s.code, Str(root, "code", "$"));
    XINAN_ASSIGN_OR_RETURN(s.version, Str(root, "version", "$"));
    XINAN_ASSIGN_OR_RETURN(s.name, TextOf(root, "name", "$"));
    XINAN_ASSIGN_OR_RETURN(s.license, Str(root, "license", "$"));
    if (root.contains("instructions")) {
      XINAN_ASSIGN_OR_RETURN(s.instructions, TextOf(root, "instructions", "$"));
    }
    if (auto l = root.find("loinc"); l != root.end() && l->value().is_object()) {
      XINAN_ASSIGN_OR_RETURN(s.loinc_panel, Str(l->value().as_object(), "panel", "loinc", false));
      XINAN_ASSIGN_OR_RETURN(s.loinc_total, Str(l->value().as_object(), "total", "loinc", false));
    }
    XINAN_ASSIGN_OR_RETURN(auto sets, OptionSets(root));
    XINAN_RETURN_IF_ERROR(Items(root, sets, s));
    XINAN_RETURN_IF_ERROR(Scoring(root, s));
    XINAN_RETURN_IF_ERROR(Bands(root, s));
    XINAN_RETURN_IF_ERROR(Coverage(s));
    XINAN_RETURN_IF_ERROR(Critical(root, s));
    XINAN_RETURN_IF_ERROR(Factors(root, s));
    return s;
  }
};

std::vector<int> VersionParts(const std::string& v) {
  std::vector<int> parts;
  std::stringstream ss(v);
  std::string p;
  while (std::getline(ss, p, '.')) parts.push_back(std::atoi(p.c_str()));
  return parts;
}

}  // namespace

bool VersionLess(const std::string& a, const std::string& b) { return VersionParts(a) < VersionParts(b); }

Result<Scale> ParseScale(std::string_view json_text, const std::string& file) {
  return Parser{file}.Parse(json_text);
}

Result<ScaleLibrary> ScaleLibrary::LoadDirectory(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  if (ec) return Status::Invalid("scale_invalid", {}, dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  ScaleLibrary lib;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream buf;
    buf << in.rdbuf();
    XINAN_ASSIGN_OR_RETURN(Scale s, ParseScale(buf.str(), f.string()));
    XINAN_RETURN_IF_ERROR(lib.Add(std::move(s)));
  }
  return lib;
}

Status ScaleLibrary::Add(Scale scale) {
  auto& versions = scales_[scale.code];
  if (versions.count(scale.version)) {
    return Status::Invalid("scale_duplicate", {}, scale.code + " " + scale.version + " is defined twice");
  }
  std::string v = scale.version;
  versions.emplace(v, std::move(scale));
  return Status::Ok();
}

const Scale* ScaleLibrary::Find(const std::string& code, const std::string& version) const {
  auto c = scales_.find(code);
  if (c == scales_.end()) return nullptr;
  auto v = c->second.find(version);
  return v == c->second.end() ? nullptr : &v->second;
}

const Scale* ScaleLibrary::Latest(const std::string& code) const {
  auto c = scales_.find(code);
  if (c == scales_.end() || c->second.empty()) return nullptr;
  const Scale* best = nullptr;
  for (const auto& [v, s] : c->second) if (!best || VersionLess(best->version, v)) best = &s;
  return best;
}

std::vector<const Scale*> ScaleLibrary::LatestAll() const {
  std::vector<const Scale*> out;
  for (const auto& [code, versions] : scales_) out.push_back(Latest(code));
  return out;
}

}  // namespace xinan::assess

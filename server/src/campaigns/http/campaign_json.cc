#include "campaigns/http/campaign_json.h"

#include <map>
#include <set>

#include "assess/store/assessment_store.h"
#include "common/clock.h"

namespace xinan::campaigns::internal {

json::object CoverageJson(const Coverage& c) {
  return {{"targetSize", c.target}, {"completed", c.completed}, {"positive", c.positive},
          {"coverage", c.coverage}, {"positiveRate", c.positive_rate}};
}

namespace {

json::array CodesJson(const std::vector<std::string>& codes) {
  json::array out;
  for (const auto& s : codes) out.emplace_back(s);
  return out;
}

}  // namespace

json::object CampaignJson(const Campaign& c) {
  json::array codes = CodesJson(c.input.scale_codes);
  json::object o{{"id", c.id}, {"name", c.input.name}, {"unitId", c.unit_id}, {"unitCode", c.unit_code},
                 {"unitName", c.unit_name}, {"targetGroup", c.input.target_group}, {"scaleCodes", codes},
                 {"startsOn", c.input.starts_on}, {"endsOn", c.input.ends_on},
                 {"consentText", c.input.consent_text}, {"showResult", c.input.show_result},
                 {"declaredTargetSize", c.input.target_size}, {"rosterSize", c.roster_size},
                 {"open", c.open}, {"version", c.version}, {"createdAt", FormatInstant(c.created_at)},
                 {"updatedAt", FormatInstant(c.updated_at)}, {"respondents", c.respondents}};
  for (auto& [k, v] : CoverageJson(CountCoverage(c.roster_size, c.input.target_size, c.completed, c.positive))) {
    o[k] = v;
  }
  return o;
}

json::object PublicCampaignJson(const Campaign& c) {
  json::array codes = CodesJson(c.input.scale_codes);
  return {{"id", c.id}, {"name", c.input.name},
          {"unit", {{"code", c.unit_code}, {"name", c.unit_name}, {"hotline", c.hotline}}},
          {"scaleCodes", codes}, {"consentText", c.input.consent_text}, {"showResult", c.input.show_result},
          {"startsOn", c.input.starts_on}, {"endsOn", c.input.ends_on}, {"open", c.open}};
}

Result<CampaignInput> ParseCampaign(const json::object& body) {
  CampaignInput in;
  XINAN_ASSIGN_OR_RETURN(in.name, StringOrEmpty(body, "name"));
  XINAN_ASSIGN_OR_RETURN(in.unit_id, StringOrEmpty(body, "unitId"));
  XINAN_ASSIGN_OR_RETURN(in.target_group, StringOrEmpty(body, "targetGroup"));
  XINAN_ASSIGN_OR_RETURN(auto codes, OptionalStringArray(body, "scaleCodes"));
  in.scale_codes = codes.value_or(std::vector<std::string>{});
  XINAN_ASSIGN_OR_RETURN(in.starts_on, StringOrEmpty(body, "startsOn"));
  XINAN_ASSIGN_OR_RETURN(in.ends_on, StringOrEmpty(body, "endsOn"));
  XINAN_ASSIGN_OR_RETURN(in.consent_text, StringOrEmpty(body, "consentText"));
  XINAN_ASSIGN_OR_RETURN(auto show, OptionalBool(body, "showResult"));
  in.show_result = show.value_or(true);
  XINAN_ASSIGN_OR_RETURN(auto size, OptionalInt(body, "targetSize"));
  in.target_size = size.value_or(0);
  return in;
}

namespace {

// A sheet's name: the abbreviation the scale's Chinese name ends with ("…（PHQ-9）" → "PHQ-9"),
// else the name itself if it fits Excel's 31 characters, else the code.
std::string ShortName(const assess::Scale& scale) {
  const std::string& name = scale.name.zh;
  for (const auto& [open, close] : {std::pair<std::string, std::string>{"（", "）"}, {"(", ")"}}) {
    size_t end = name.size() >= close.size() ? name.size() - close.size() : std::string::npos;
    size_t start = name.rfind(open);
    if (end != std::string::npos && start != std::string::npos && name.compare(end, close.size(), close) == 0 &&
        start + open.size() < end) {
      return name.substr(start + open.size(), end - start - open.size());
    }
  }
  return !name.empty() && name.size() <= 31 ? name : scale.code;
}

// An alert's level in words ("红色预警"), "无" when the response raised none.
std::string AlertLevelWords(const std::string& level) {
  if (level == "red") return "红色预警";
  if (level == "orange") return "橙色预警";
  if (level == "yellow") return "黄色预警";
  return "无";
}

report::Sheet SheetFor(const std::string& code, const assess::Scale* scale) {
  report::Sheet s;
  s.name = scale ? ShortName(*scale) : code;
  s.headers = {"记录编号", "提交时间", "单位", "姓名", "量表版本"};
  if (scale) {
    for (const auto& item : scale->items) s.headers.push_back("第" + item.id + "题");
  }
  for (const char* h : {"原始分", "总分", "等级", "阳性", "危机条目", "预警"}) s.headers.emplace_back(h);
  if (scale) {
    for (const auto& f : scale->factors) s.headers.push_back("因子：" + f.name.zh);
  }
  return s;
}

// The band's Chinese label ("中度抑郁"), or its code for a band the current definition lacks.
std::string BandLabel(const assess::Scale* scale, const std::string& code) {
  if (scale) {
    for (const auto& b : scale->bands) {
      if (b.code == code && !b.label.zh.empty()) return b.label.zh;
    }
  }
  return code;
}

std::vector<report::Cell> RowFor(const ResponseRow& r, const assess::Scale* scale) {
  std::vector<report::Cell> row{r.assessment_id, report::Instant{r.created_at}, r.unit_name, r.respondent,
                                r.scale_version};
  auto decoded = assess::DecodeAnswers(r.answers_json);
  assess::Answers answers = decoded.ok() ? std::move(decoded).value() : assess::Answers{};
  if (scale) {
    for (const auto& item : scale->items) {
      auto it = answers.find(item.id);
      if (it != answers.end()) row.emplace_back(static_cast<double>(it->second));
      else row.emplace_back(std::string());
    }
  }
  row.emplace_back(r.raw);
  row.emplace_back(r.total);
  row.emplace_back(BandLabel(scale, r.band));
  row.emplace_back(std::string(r.positive ? "是" : "否"));
  row.emplace_back(std::string(r.critical ? "是" : "否"));
  row.emplace_back(AlertLevelWords(r.alert_level));
  if (scale && !scale->factors.empty()) {
    // Factor scores are recomputed from the stored answers (scoring is a pure function).
    auto scored = assess::Score(*scale, answers);
    for (size_t i = 0; i < scale->factors.size(); ++i) {
      if (scored.ok() && i < scored->factors.size()) row.emplace_back(scored->factors[i].score);
      else row.emplace_back(std::string());
    }
  }
  return row;
}

}  // namespace

std::vector<report::Sheet> ExportSheets(const std::vector<ResponseRow>& rows, const assess::ScaleLibrary& scales) {
  std::map<std::string, std::set<std::string>> versions;  // of each scale code
  for (const auto& r : rows) versions[r.scale_code].insert(r.scale_version);
  std::map<std::pair<std::string, std::string>, report::Sheet> sheets;  // by code, version
  for (const auto& r : rows) {
    const assess::Scale* scale = scales.Find(r.scale_code, r.scale_version);
    if (!scale) scale = scales.Latest(r.scale_code);
    auto key = std::make_pair(r.scale_code, r.scale_version);
    auto it = sheets.find(key);
    if (it == sheets.end()) {
      it = sheets.emplace(key, SheetFor(r.scale_code, scale)).first;
      if (versions[r.scale_code].size() > 1) it->second.name += " v" + r.scale_version;
    }
    it->second.rows.push_back(RowFor(r, scale));
  }
  std::vector<report::Sheet> out;
  for (auto& [key, s] : sheets) out.push_back(std::move(s));
  if (out.empty()) out.push_back({"responses", {"记录编号", "提交时间", "单位", "姓名"}, {}});
  return out;
}

}  // namespace xinan::campaigns::internal

#include "campaigns/http/campaign_routes.h"

#include "campaigns/http/campaign_json.h"
#include "common/messages.h"
#include "http/reply.h"
#include "identity/domain/roles.h"

namespace xinan::campaigns {
namespace {

using http::ActorOf;
using http::Request;
using http::Response;
using http::ScopeOf;
using internal::CampaignJson;

Response List(CampaignStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(http::Paging paging, http::ParsePaging(req));
    CampaignFilter f{req.Query("q"), req.Query("open") == "true"};
    XINAN_ASSIGN_OR_RETURN(CampaignPage page, s.List(ScopeOf(req), f, paging.Offset(), paging.page_size));
    json::array items;
    for (const auto& c : page.items) items.push_back(CampaignJson(c));
    return http::ListResponse(std::move(items), page.total, paging);
  });
}

Response Create(CampaignStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(CampaignInput in, internal::ParseCampaign(body));
    XINAN_ASSIGN_OR_RETURN(Campaign c, s.Create(ActorOf(req), ScopeOf(req), std::move(in)));
    return http::Created(CampaignJson(c), "/api/v1/campaigns/" + c.id);
  });
}

Response Get(CampaignStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(Campaign c, s.Get(ScopeOf(req), req.Param("id")));
    return http::Json(200, CampaignJson(c));
  });
}

Response Update(CampaignStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(CampaignInput in, internal::ParseCampaign(body));
    XINAN_ASSIGN_OR_RETURN(int64_t version, RequiredVersion(body));
    XINAN_ASSIGN_OR_RETURN(Campaign c, s.Update(ActorOf(req), ScopeOf(req), req.Param("id"), std::move(in), version));
    return http::Json(200, CampaignJson(c));
  });
}

Response Delete(CampaignStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_RETURN_IF_ERROR(s.Delete(ActorOf(req), ScopeOf(req), req.Param("id")));
    return Response::NoContent();
  });
}

Response ImportRoster(CampaignStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(int n, s.ImportRoster(ActorOf(req), ScopeOf(req), req.Param("id"),
                                                 ParseRosterLines(req.body)));
    return http::Json(200, json::object{{"imported", n}});
  });
}

Response Roster(CampaignStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(http::Paging paging, http::ParsePaging(req));
    XINAN_ASSIGN_OR_RETURN(RosterPage page, s.Roster(ScopeOf(req), req.Param("id"), req.Query("q"),
                                                     paging.Offset(), paging.page_size));
    json::array items;
    for (const auto& m : page.items) {
      items.push_back({{"id", m.id}, {"name", m.name}, {"phoneMasked", m.phone_masked},
                       {"unitName", m.unit_name}, {"group", m.group}, {"completed", m.completed}});
    }
    return http::ListResponse(std::move(items), page.total, paging);
  });
}

Response Stats(CampaignStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(CampaignStats st, s.Stats(ScopeOf(req), req.Param("id")));
    json::object o = internal::CoverageJson(st.total);
    o["respondents"] = st.respondents;
    json::array units;
    for (const auto& u : st.by_unit) {
      json::object row = internal::CoverageJson(u.coverage);
      row["unitId"] = u.unit_id;
      row["unitCode"] = u.unit_code;
      row["unitName"] = u.unit_name;
      row["target"] = u.coverage.target;
      units.push_back(std::move(row));
    }
    o["byUnit"] = std::move(units);
    return http::Json(200, o);
  });
}

Response Export(CampaignStore& s, const assess::ScaleLibrary& scales, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(auto rows, s.Responses(ActorOf(req), ScopeOf(req), req.Param("id")));
    XINAN_ASSIGN_OR_RETURN(std::string bytes, report::WriteXlsx(internal::ExportSheets(rows, scales)));
    Response r = Response::Text(200, std::move(bytes),
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    r.SetHeader("Content-Disposition", "attachment; filename=\"campaign-" + req.Param("id") + ".xlsx\"");
    r.SetHeader("Cache-Control", "no-store");
    return r;
  });
}

Response PublicCampaign(CampaignStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(Campaign c, s.Public(req.Param("id")));
    return http::Json(200, internal::PublicCampaignJson(c));
  });
}

Response PublicUnit(CampaignStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(auto u, s.UnitByCode(req.Param("code")));
    return http::Json(200, json::object{{"code", u.code}, {"name", u.name}, {"hotline", u.hotline}});
  });
}

constexpr const char* kCampaignSchema =
    R"({"type":"object","required":["name","unitId","scaleCodes","startsOn","endsOn"],"properties":{"name":{"type":"string"},"unitId":{"type":"string"},"targetGroup":{"type":"string"},"scaleCodes":{"type":"array","items":{"type":"string"}},"startsOn":{"type":"string","format":"date"},"endsOn":{"type":"string","format":"date"},"consentText":{"type":"string"},"showResult":{"type":"boolean"},"targetSize":{"type":"integer"},"version":{"type":"integer"}}})";

}  // namespace

http::RouteTable CampaignRoutes(CampaignStore& store, const assess::ScaleLibrary& scales) {
  using http::Access;
  CampaignStore* s = &store;
  const assess::ScaleLibrary* lib = &scales;
  const std::string read = identity::kPeopleRead, write = identity::kPeopleWrite;
  auto h = [s](Response (*fn)(CampaignStore&, Request&)) { return [s, fn](Request& r) { return fn(*s, r); }; };
  return {
      {"GET", "/api/v1/campaigns", Access::kPermission, read, h(List),
       "Screening campaigns in scope with coverage (q, open=true for those open today, paging)", "campaigns", "", R"({"type":"object"})"},
      {"POST", "/api/v1/campaigns", Access::kPermission, write, h(Create), "Create a screening campaign",
       "campaigns", kCampaignSchema, R"({"type":"object"})", 201},
      {"GET", "/api/v1/campaigns/{id}", Access::kPermission, read, h(Get), "A campaign with coverage",
       "campaigns", "", R"({"type":"object"})"},
      {"PUT", "/api/v1/campaigns/{id}", Access::kPermission, write, h(Update),
       "Replace a campaign (version required; the unit stays)", "campaigns", kCampaignSchema,
       R"({"type":"object"})"},
      {"DELETE", "/api/v1/campaigns/{id}", Access::kPermission, write, h(Delete),
       "Delete a campaign that has no responses", "campaigns", "", "", 204},
      {"POST", "/api/v1/campaigns/{id}/roster", Access::kPermission, write, h(ImportRoster),
       "Replace the roster from CSV (name,phone,unitCode[,group]); all or nothing, line-numbered errors",
       "campaigns", R"({"type":"string","format":"text/csv"})", R"({"type":"object"})"},
      {"GET", "/api/v1/campaigns/{id}/roster", Access::kPermission, read, h(Roster),
       "The roster with masked phones and who completed (q, paging)", "campaigns", "", R"({"type":"object"})"},
      {"GET", "/api/v1/campaigns/{id}/stats", Access::kPermission, read, h(Stats),
       "Coverage and positive rate, overall and by unit", "campaigns", "", R"({"type":"object"})"},
      {"GET", "/api/v1/campaigns/{id}/export.xlsx", Access::kPermission, write,
       [s, lib](Request& r) { return Export(*s, *lib, r); },
       "Every response as Excel: raw answers and scores, one sheet per scale (audited)", "campaigns", "", ""},
      {"GET", "/api/v1/public/campaigns/{id}", Access::kPublic, "", h(PublicCampaign),
       "What a campaign's self-assessment link shows (no login)", "campaigns", "", R"({"type":"object"})"},
      {"GET", "/api/v1/public/units/{code}", Access::kPublic, "", h(PublicUnit),
       "A unit's name and hotline for its self-assessment page (no login)", "campaigns", "",
       R"({"type":"object"})"},
  };
}

void RegisterCampaignMessages() {
  RegisterMessages({
      {"campaign_closed", "本次测评活动已结束，感谢关注", "This screening campaign has ended"},
      {"campaign_has_responses", "活动已有测评记录，不能删除", "The campaign has responses and cannot be deleted"},
      {"scale_not_in_campaign", "该量表不属于本次测评活动", "This scale is not part of the campaign"},
      {"ends_before_start", "结束日期不能早于开始日期", "The end date is before the start date"},
      {"target_group_too_long", "目标人群不能超过 200 个字", "The target group is at most 200 characters"},
      {"consent_too_long", "知情同意书不能超过 2000 个字", "The consent text is at most 2,000 characters"},
      {"target_size_invalid", "目标人数不能为负数", "The target size cannot be negative"},
      {"roster_empty", "名单中没有数据行", "The roster has no data lines"},
      {"phone_duplicate", "名单中手机号重复", "This phone number appears twice in the roster"},
      {"group_too_long", "分组不能超过 100 个字", "The group is at most 100 characters"},
      {"roster_columns", "列数不足（需要：姓名,手机号,单位代码[,分组]）", "Too few columns (name,phone,unitCode[,group])"},
  });
}

}  // namespace xinan::campaigns

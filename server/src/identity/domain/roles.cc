#include "identity/domain/roles.h"

#include <algorithm>
#include <cctype>

namespace xinan::identity {

const std::vector<RoleDef>& AllRoles() {
  static const std::vector<RoleDef> kRoles = {
      {"district_admin", "区级管理员", "District administrator", "admin",
       {kPeopleRead, kPeopleWrite, kOrgRead, kOrgManage, kUsersManage, kAuditRead, kBreakGlassUse,
        kRulesManage}},
      {"station_staff", "心理服务站工作人员", "Station staff", "station",
       {kPeopleRead, kPeopleWrite, kOrgRead, kBreakGlassUse}},
      {"community_counsellor", "社区心理咨询员", "Community counsellor", "counsellor",
       {kPeopleRead, kPeopleWrite, kOrgRead, kBreakGlassUse}},
      {"psych_prevention", "精防人员", "Psychiatric prevention staff", "psych",
       {kPeopleRead, kPeopleWrite, kOrgRead, kBreakGlassUse}},
      {"hotline_operator", "热线接线员", "Hotline operator", "hotline",
       {kPeopleRead, kOrgRead, kBreakGlassUse}},
      {"crisis_team", "危机干预队员", "Crisis team member", "crisis",
       {kPeopleRead, kPeopleWrite, kOrgRead, kBreakGlassUse}},
      {"partner_department", "协作部门", "Partner department", "partner", {kOrgRead}},
  };
  return kRoles;
}

const RoleDef* FindRole(const std::string& code) {
  for (const auto& r : AllRoles()) if (r.code == code) return &r;
  return nullptr;
}

std::vector<std::string> PermissionsOf(const std::vector<std::string>& roles) {
  std::vector<std::string> out;
  for (const auto& code : roles) {
    if (const RoleDef* r = FindRole(code)) out.insert(out.end(), r->permissions.begin(), r->permissions.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> EffectivePermissions(const std::vector<std::string>& roles, const std::string& unit_level) {
  std::vector<std::string> out = PermissionsOf(roles);
  if (unit_level != "district") out.erase(std::remove(out.begin(), out.end(), kRulesManage), out.end());
  return out;
}

bool HasPermission(const std::vector<std::string>& roles, const std::string& permission) {
  for (const auto& code : roles) {
    const RoleDef* r = FindRole(code);
    if (r && std::find(r->permissions.begin(), r->permissions.end(), permission) != r->permissions.end()) {
      return true;
    }
  }
  return false;
}

bool IsValidUsername(const std::string& username) {
  if (username.size() < 3 || username.size() > 64) return false;
  return std::all_of(username.begin(), username.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '@';
  });
}

}  // namespace xinan::identity

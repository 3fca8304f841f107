// Roles and permissions: the one table that says which role may do what (BRIEF §1).
#pragma once

#include <string>
#include <vector>

namespace xinan::identity {

// Permission codes checked by routes (http::Route::permission).
inline constexpr const char* kPeopleRead = "people.read";
inline constexpr const char* kPeopleWrite = "people.write";
inline constexpr const char* kOrgRead = "org.read";
inline constexpr const char* kOrgManage = "org.manage";
inline constexpr const char* kUsersManage = "users.manage";
inline constexpr const char* kAuditRead = "audit.read";
inline constexpr const char* kBreakGlassUse = "breakglass.use";
inline constexpr const char* kRulesManage = "rules.manage";

struct RoleDef {
  std::string code;     // "district_admin", ...
  std::string name_zh;
  std::string name_en;
  std::string username_prefix;  // demo usernames: "<prefix>_<unit code>"
  std::vector<std::string> permissions;
};

// Every role, in display order.
const std::vector<RoleDef>& AllRoles();
// The role with `code`, or nullptr.
const RoleDef* FindRole(const std::string& code);
// The union of the permissions of `roles` (unknown role codes contribute nothing), sorted.
std::vector<std::string> PermissionsOf(const std::vector<std::string>& roles);
// What a user of a unit at `unit_level` may do with `roles`: PermissionsOf, less rules.manage
// outside the district's own unit (warning rules apply district-wide; the rule routes check the
// same). The web shows what this lists.
std::vector<std::string> EffectivePermissions(const std::vector<std::string>& roles, const std::string& unit_level);
// Whether any of `roles` grants `permission`.
bool HasPermission(const std::vector<std::string>& roles, const std::string& permission);
// Usernames: 3–64 letters, digits or _ . - @ (they appear in the audit log and in URLs).
bool IsValidUsername(const std::string& username);

}  // namespace xinan::identity

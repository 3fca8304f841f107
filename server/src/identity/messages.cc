// zh-CN/en texts of the identity module's error codes.
#include "identity/messages.h"

#include "common/messages.h"

namespace xinan::identity {

void RegisterIdentityMessages() {
  RegisterMessages({
      {"login_failed", "用户名或密码错误", "Wrong username or password"},
      {"login_rate_limited", "登录尝试过于频繁，请稍后再试", "Too many sign-in attempts; try again later"},
      {"login_busy", "该账号正在登录验证中，请稍候再试", "This account is being signed in; try again in a moment"},
      {"account_locked", "连续登录失败次数过多，账号已锁定 15 分钟", "Too many failed sign-ins; the account is locked for 15 minutes"},
      {"password_too_short", "密码至少 10 个字符", "The password needs at least 10 characters"},
      {"password_too_long", "密码最多 128 个字符", "The password may have at most 128 characters"},
      {"password_contains_username", "密码不能包含用户名", "The password must not contain the username"},
      {"password_unchanged", "新密码不能与当前密码相同", "The new password must differ from the current one"},
      {"old_password_wrong", "原密码不正确", "The current password is wrong"},
      {"username_taken", "用户名已被使用", "This username is taken"},
      {"role_invalid", "角色无效", "Unknown role"},
      {"cannot_deactivate_self", "不能停用自己的账号", "You cannot deactivate your own account"},
      {"cannot_drop_own_admin", "不能取消自己的用户管理权限", "You cannot remove your own user administration role"},
      {"username_invalid", "用户名为 3–64 位字母、数字或 _ . - @", "The username is 3-64 letters, digits or _ . - @"},
      {"unit_not_found", "机构不存在或不在您的管辖范围内", "Unit not found or outside your scope"},
      {"unit_inactive", "该机构已停用，不能再登记新的人员", "This unit is deactivated and takes no new records"},
  });
}

}  // namespace xinan::identity

// zh-CN/en texts of the org module's error codes.
#include "common/messages.h"
#include "org/http/org_routes.h"

namespace xinan::org {

void RegisterOrgMessages() {
  RegisterMessages({
      {"code_format", "区划代码应为 12 位数字", "The division code must be 12 digits"},
      {"code_parent_mismatch", "区划代码与上级机构不一致", "The code does not belong under the parent unit"},
      {"level_invalid", "层级无效", "Invalid level"},
      {"level_parent_mismatch", "层级与上级机构不匹配（区→镇/街道→村/社区）", "Level does not fit the parent (district → town → village)"},
      {"hotline_format", "热线号码格式不正确", "Invalid hotline number"},
      {"parent_not_found", "上级机构不存在或不在您的管辖范围内", "Parent unit not found or outside your scope"},
      {"parent_required", "请填写上级机构代码（网页导入不能新建区级机构）", "Give the parent unit's code (the web import cannot add a district)"},
      {"unit_code_exists", "该区划代码已存在", "A unit with this code exists"},
      {"unit_in_use", "该机构下仍有下级机构、用户或居民，不能删除", "The unit still has child units, users or residents"},
      {"unit_is_own", "不能删除自己所在的机构", "You cannot delete your own unit"},
      {"import_failed", "导入失败，未导入任何数据，请按行号修正", "Import failed; nothing was imported. Fix the lines listed"},
      {"import_empty", "文件中没有机构数据（第一行为表头）", "The file holds no units (the first line is the header)"},
      {"csv_columns", "列数不足（需要：代码,名称,层级,上级代码[,热线]）", "Too few columns (code,name,level,parent_code[,hotline])"},
  });
}

}  // namespace xinan::org

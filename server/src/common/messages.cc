#include "common/messages.h"

#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <utility>

namespace xinan {
namespace {

struct Catalogue {
  std::shared_mutex mu;
  std::unordered_map<std::string, std::pair<std::string, std::string>> texts;  // GUARDED_BY(mu)
};

Catalogue& Instance() {
  static Catalogue* c = [] {
    auto* cat = new Catalogue;
    // Codes every layer uses.
    const MessageDef kCommon[] = {
        {"validation_failed", "提交的内容有误，请检查标注的字段", "Some fields are invalid"},
        {"malformed_json", "请求体不是有效的 JSON", "The request body is not valid JSON"},
        {"required", "此项必填", "This field is required"},
        {"type_string", "应为文本", "Must be text"},
        {"type_boolean", "应为是/否", "Must be true or false"},
        {"type_number", "应为数字", "Must be a number"},
        {"type_integer", "应为整数", "Must be a whole number"},
        {"type_string_array", "应为文本列表", "Must be a list of text"},
        {"number_out_of_range", "数值超出范围", "The number is out of range"},
        {"control_character", "不能包含控制字符", "Must not contain control characters"},
        {"file_encoding", "文件不是 UTF-8 或 GB18030 编码的文本，请另存为“CSV UTF-8”后重试",
         "The file is not UTF-8 or GB18030 text; save it as \"CSV UTF-8\" and try again"},
        {"not_found", "记录不存在或不在您的权限范围内", "Not found or outside your scope"},
        {"route_not_found", "请求的地址不存在", "No such endpoint"},
        {"method_not_allowed", "不支持此请求方法", "Method not allowed"},
        {"unauthenticated", "请先登录", "Please sign in"},
        {"forbidden", "您没有执行此操作的权限", "You are not allowed to do this"},
        {"csrf_failed", "请求校验失败，请刷新页面后重试", "CSRF check failed; reload and retry"},
        {"body_too_large", "请求内容过大", "The request body is too large"},
        {"bad_request", "请求格式无效（地址或参数不是有效的 UTF-8 文本，或 HTTP 报文有误）",
         "Malformed request (the address or a parameter is not valid UTF-8, or the HTTP message is broken)"},
        {"internal_error", "服务器内部错误，请稍后重试", "Internal server error"},
        {"unavailable", "服务暂不可用，请稍后重试", "Service unavailable, please retry"},
        {"version_conflict", "记录已被他人修改，请刷新后重试", "The record was changed by someone else"},
        {"unique_violation", "记录已存在", "The record already exists"},
        {"foreign_key_violation", "关联的记录不存在", "A referenced record does not exist"},
        {"page_invalid", "页码无效", "Invalid page"},
        {"page_size_invalid", "每页条数应在 1 到 200 之间", "pageSize must be 1 to 200"},
    };
    for (const auto& d : kCommon) cat->texts[d.code] = {d.zh, d.en};
    return cat;
  }();
  return *c;
}

}  // namespace

void RegisterMessages(const std::vector<MessageDef>& defs) {
  Catalogue& c = Instance();
  std::unique_lock lock(c.mu);
  for (const auto& d : defs) c.texts[d.code] = {d.zh, d.en};
}

std::string MessageText(const std::string& code, const std::string& lang) {
  Catalogue& c = Instance();
  std::shared_lock lock(c.mu);
  auto it = c.texts.find(code);
  if (it == c.texts.end()) return code;
  return lang == "en" ? it->second.second : it->second.first;
}

bool HasMessage(const std::string& code) {
  Catalogue& c = Instance();
  std::shared_lock lock(c.mu);
  return c.texts.count(code) > 0;
}

}  // namespace xinan

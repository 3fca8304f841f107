#include "http/openapi.h"

#include "common/json.h"
#include "http/router.h"

namespace xinan::http {
namespace {

json::value SchemaOf(const std::string& text) {
  if (text.empty()) return json::object{{"type", "object"}};
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  return ec ? json::value(json::object{{"type", "object"}}) : v;
}

json::object JsonContent(const std::string& schema) {
  return {{"application/json", {{"schema", SchemaOf(schema)}}}};
}

json::object Operation(const Route& r) {
  json::object op{{"summary", r.summary}, {"tags", json::array{json::value(r.tag)}}};
  json::array params;
  for (const auto& seg : SplitPath(r.pattern)) {
    if (seg.size() > 2 && seg.front() == '{') {
      params.push_back({{"name", seg.substr(1, seg.size() - 2)}, {"in", "path"}, {"required", true},
                        {"schema", {{"type", "string"}}}});
    }
  }
  if (!params.empty()) op["parameters"] = std::move(params);
  if (!r.request_schema.empty()) {
    op["requestBody"] = {{"required", true}, {"content", JsonContent(r.request_schema)}};
  }
  json::object ok{{"description", "success"}};
  if (r.success_status != 204) ok["content"] = JsonContent(r.response_schema);
  json::object problem{{"description", "RFC 9457 problem"},
                       {"content", {{"application/problem+json",
                                     {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
  op["responses"] = {{std::to_string(r.success_status), ok}, {"default", problem}};
  if (r.access == Access::kPublic) op["security"] = json::array();
  if (r.access == Access::kPermission) op["x-permission"] = r.permission;
  return op;
}

json::object Components() {
  json::object problem{
      {"type", "object"},
      {"properties",
       {{"type", {{"type", "string"}}}, {"title", {{"type", "string"}}}, {"status", {{"type", "integer"}}},
        {"code", {{"type", "string"}}}, {"detail", {{"type", "string"}}},
        {"errors", {{"type", "array"}, {"items", {{"type", "object"}, {"properties",
            {{"field", {{"type", "string"}}}, {"code", {{"type", "string"}}}, {"message", {{"type", "string"}}}}}}}}}}}};
  return {{"schemas", {{"Problem", problem}}},
          {"securitySchemes",
           {{"bearerAuth", {{"type", "http"}, {"scheme", "bearer"}}},
            {"cookieAuth", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "xinan_session"}}}}}};
}

}  // namespace

std::string BuildOpenApi(const std::vector<Route>& routes) {
  json::object paths;
  for (const auto& r : routes) {
    std::string method = r.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    json::value& slot = paths[r.pattern];
    if (!slot.is_object()) slot = json::object();
    slot.as_object()[method] = Operation(r);
  }
  json::object doc{{"openapi", "3.0.3"},
                   {"info", {{"title", "xinan (心安) API"}, {"version", "1"}}},
                   {"paths", std::move(paths)},
                   {"components", Components()},
                   {"security", json::array{json::object{{"bearerAuth", json::array()}},
                                            json::object{{"cookieAuth", json::array()}}}}};
  return json::serialize(doc);
}

}  // namespace xinan::http

// The catalogue of user-facing messages: stable snake_case code -> zh-CN and English text.
// Modules register their codes at start-up (see each module's messages.cc); problem
// responses and field errors look the text up here in the request's language.
#pragma once

#include <string>
#include <vector>

namespace xinan {

struct MessageDef {
  const char* code;
  const char* zh;
  const char* en;
};

// Adds definitions; a later definition of the same code replaces the earlier. Thread-safe.
void RegisterMessages(const std::vector<MessageDef>& defs);
// The text for `code` in `lang` ("en" or anything else = zh-CN); the code itself if unknown.
std::string MessageText(const std::string& code, const std::string& lang);
// True when the catalogue has `code` (tests use it to catch codes without text).
bool HasMessage(const std::string& code);

}  // namespace xinan

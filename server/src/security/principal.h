// Principal: the signed-in user a request acts for, as the auth middleware resolved it.
// Scope checks in the store take the unit path from here.
#pragma once

#include <string>
#include <vector>

namespace xinan {

struct Principal {
  std::string user_id;
  std::string username;
  std::string display_name;
  std::string unit_id;
  std::string unit_code;
  std::string unit_path;  // materialised path of the user's unit, e.g. "/330411/330411101/"
  std::vector<std::string> roles;  // role codes, see identity/domain/roles.h
  std::string session_id;
  std::string csrf_token;   // the session's: a cookie-authenticated write must carry it
  bool via_cookie = false;  // cookie-authenticated writes need the CSRF header
};

}  // namespace xinan

// The OpenAPI 3 document generated from the route tables.
#pragma once

#include <string>
#include <vector>

#include "http/route.h"

namespace xinan::http {

std::string BuildOpenApi(const std::vector<Route>& routes);

}  // namespace xinan::http

// `xinan serve`: wires every module's routes into the HTTP app and runs the server until
// SIGTERM/SIGINT, then drains in-flight requests and pending writes and returns 0.
#pragma once

#include "cli/config.h"
#include "cli/services.h"

namespace xinan::cli {

int RunServe(const CommonConfig& common, const ServeConfig& serve);

}  // namespace xinan::cli

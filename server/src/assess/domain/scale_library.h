// ScaleLibrary: every scale definition file (scales/*.json) parsed and validated at start-up.
// Every version is kept, keyed by code and version, so a stored response is always
// re-interpreted with the definition it was scored with. Immutable after loading: thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "assess/domain/scale.h"

namespace xinan::assess {

// Parses and validates one definition. A failure is kInvalidArgument with code
// "scale_invalid" and a detail "<file>: <json path>: <reason>", e.g.
// "scales/phq9.json: bands[2]: overlaps bands[1]".
Result<Scale> ParseScale(std::string_view json_text, const std::string& file);

class ScaleLibrary {
 public:
  // Loads every *.json in `dir` (sorted by name); the first broken file fails the whole load.
  static Result<ScaleLibrary> LoadDirectory(const std::string& dir);
  // Adds a parsed scale; "scale_duplicate" when code+version is already present.
  Status Add(Scale scale);

  const Scale* Find(const std::string& code, const std::string& version) const;
  // The highest version of `code` (semantic version order), or nullptr.
  const Scale* Latest(const std::string& code) const;
  // The latest version of every scale, ordered by code.
  std::vector<const Scale*> LatestAll() const;

 private:
  std::map<std::string, std::map<std::string, Scale>> scales_;  // code -> version -> scale
};

// Compares "1.10.0" and "1.9.2" numerically, part by part.
bool VersionLess(const std::string& a, const std::string& b);

}  // namespace xinan::assess

// SQL for the hotline a unit's people are told to call: its own, or when it has none the
// nearest ancestor's (a village without its own counselling line shows its town's, else the
// district's). Used wherever a public page or a result names where to get help.
#pragma once

#include <string>

namespace xinan::org {

// An expression over the org_units row `alias` (e.g. "u"); NULL when no unit up the tree has one.
// The tree is district → town → village (org_unit.h), so the parent and grandparent are all the
// ancestors there are: primary-key lookups, evaluated only when the unit has no line of its own
// (it runs inside the writer for every self-assessment).
inline std::string EffectiveHotline(const std::string& alias) {
  return "COALESCE(NULLIF(" + alias + ".hotline, ''), "
         "(SELECT COALESCE(NULLIF(hp.hotline, ''), NULLIF(hg.hotline, '')) FROM org_units hp "
         "LEFT JOIN org_units hg ON hg.id = hp.parent_id WHERE hp.id = " + alias + ".parent_id))";
}

}  // namespace xinan::org

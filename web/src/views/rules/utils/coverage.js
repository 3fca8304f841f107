// Which scales no warning rule watches. Without a rule on its score, a scale's results raise an
// alert only for a critical answer — an identified respondent with a very high K10 would reach
// nobody — so the rules page names those scales. Pure, unit-tested in web/test/rules_coverage.test.mjs.

const set = (v) => v !== null && v !== undefined && v !== ''

// The codes of `scales` ([{code}]) that no active rule with a score condition (minTotal,
// maxTotal or minRise) names; none when such a rule names no scale (it watches them all).
export function scalesWithoutRules(scales, rules) {
  const scored = (rules || []).filter((r) => r.active && (set(r.minTotal) || set(r.maxTotal) || set(r.minRise)))
  if (scored.some((r) => !r.scaleCode)) return []
  const watched = new Set(scored.map((r) => r.scaleCode))
  return (scales || []).map((s) => s.code).filter((c) => !watched.has(c))
}

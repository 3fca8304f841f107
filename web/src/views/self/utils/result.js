// Choices of the public self-assessment page, pure and unit-tested in web/test/self_result.test.mjs:
// which words go under a shown result, and whether a campaign's link may open a scale.

// The band that means "doing well": the non-positive end of the scale, away from the positive
// bands — the lowest band where a higher total is worse (PHQ-9), the highest where a higher total
// is better (WHO-5). Undefined without bands.
export function bestBand(bands) {
  const sorted = [...(bands || [])].sort((a, b) => a.min - b.min)
  if (!sorted.length) return undefined
  const higherIsBetter = sorted[0].positive && !sorted.at(-1).positive
  return higherIsBetter ? sorted.at(-1) : sorted[0]
}

// The message key of the words under a result of band `bandCode` of a scale with `bands`:
// a positive result or a critical answer asks to seek help soon; the best band says all is
// well; any other band (轻度抑郁, 轻度焦虑) speaks of mild troubles, what helps and where to go.
// A band missing from `bands` keeps the all-is-well words, as before bands were known.
export function resultTextKey(bands, bandCode, { positive = false, crisis = false } = {}) {
  const band = (bands || []).find((b) => b.code === bandCode)
  if (positive || crisis || band?.positive) return 'self.positiveText'
  if (!band || band === bestBand(bands)) return 'self.negativeText'
  return 'self.mildText'
}

// Whether a link with `campaign` (null for a unit's own link) may open scale `code`.
export const scaleOffered = (campaign, code) => !campaign || (campaign.scaleCodes || []).includes(code)

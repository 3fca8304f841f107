// A campaign's figures as text. Pure, unit-tested in web/test/campaign_figures.test.mjs.

// 0.1234 → "12.3%".
export const percent = (x) => `${(Math.round((x || 0) * 1000) / 10).toFixed(1)}%`

// Coverage of `c` ({targetSize, coverage}) as a percentage, or "—" when the campaign has neither
// a roster nor a declared target: its coverage is not 0 %, it is unknown.
export const coverageText = (c) => (c && c.targetSize > 0 ? percent(c.coverage) : '—')

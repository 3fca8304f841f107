// Keyboard answering of a scale form, and the shapes the record's charts need. Pure functions,
// unit-tested in web/test/assess.test.mjs.

// What a key does on a question whose options are `options` ([{value}]) and whose current
// answer is `current` (undefined when none): {value} to answer, {move: ±1} to go to the next or
// previous question, both, or null when the key is not ours.
// A digit answers with the option of that value, or else the option at that position (1-based),
// and moves on; ←/→ step through the options; ↑/↓ and Enter move between questions.
export function keyAction(key, options, current) {
  if (/^[0-9]$/.test(key)) {
    const d = Number(key)
    const byValue = options.find((o) => o.value === d)
    const byPosition = d >= 1 ? options[d - 1] : undefined
    const chosen = byValue || byPosition
    return chosen ? { value: chosen.value, move: 1 } : null
  }
  if (key === 'ArrowDown' || key === 'Enter') return { move: 1 }
  if (key === 'ArrowUp') return { move: -1 }
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const i = options.findIndex((o) => o.value === current)
    const step = key === 'ArrowRight' ? 1 : -1
    const next = i < 0 ? (step > 0 ? 0 : options.length - 1) : Math.min(options.length - 1, Math.max(0, i + step))
    return { value: options[next].value }
  }
  return null
}

// The record's results grouped by scale, oldest first: [{scaleCode, points: [[createdAt, total]]}],
// scales in the order of their latest result (newest first).
export function historyByScale(items) {
  const groups = new Map()
  const sorted = [...(items || [])].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
  for (const it of sorted) {
    if (!groups.has(it.scaleCode)) groups.set(it.scaleCode, [])
    groups.get(it.scaleCode).push([it.createdAt, it.total])
  }
  return [...groups.entries()]
    .map(([scaleCode, points]) => ({ scaleCode, points }))
    .sort((a, b) => Date.parse(b.points.at(-1)[0]) - Date.parse(a.points.at(-1)[0]))
}

// The band ranges of a scale as stacked bar segments [{code, label, from, width, positive}]
// covering [min of the first band, max of the last]; `max + 1` closes integer bands.
export function bandSegments(bands) {
  const sorted = [...(bands || [])].sort((a, b) => a.min - b.min)
  return sorted.map((b, i) => {
    const next = sorted[i + 1]
    const to = next ? next.min : b.max + 1
    return { code: b.code, label: b.label, from: b.min, width: to - b.min, positive: !!b.positive }
  })
}

// How many questions of `scale` have an answer in `answers` ({itemId: value}); 0 without a scale.
export const answeredCount = (scale, answers) => (scale?.items || []).filter((i) => answers?.[i.id] !== undefined).length

// The text of a {zh-CN, en} pair in `locale`, falling back to the other language.
export const localText = (pair, locale) => (pair ? (locale === 'en' ? pair.en || pair['zh-CN'] : pair['zh-CN'] || pair.en) || '' : '')

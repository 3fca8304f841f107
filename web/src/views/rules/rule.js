// Validation of the warning-rule form; mirrors the server (alerts/domain/warning_rules.cc and
// the rule routes): a name, a level red/orange/yellow, a known scale when one is named, at least
// one condition (total at least / at most, rise, critical item or tags), a rise above 0, and a
// band that is not empty (at least ≤ at most). Pure, unit-tested.
export const LEVELS = ['red', 'orange', 'yellow']

const blank = (v) => v === null || v === undefined || v === ''

// The first problem of one field as a message key, or ''. `scaleCodes` lists the known scales.
export function ruleFieldProblem(field, form, scaleCodes = []) {
  switch (field) {
    case 'name':
      return (form.name || '').trim() ? '' : 'common.required'
    case 'level':
      return LEVELS.includes(form.level) ? '' : 'rules.levelInvalid'
    case 'scaleCode':
      return !form.scaleCode || scaleCodes.includes(form.scaleCode) ? '' : 'rules.scaleUnknown'
    case 'minTotal':
      return blank(form.minTotal) || Number.isFinite(Number(form.minTotal)) ? '' : 'rules.numberInvalid'
    case 'maxTotal':
      if (blank(form.maxTotal)) return ''
      if (!Number.isFinite(Number(form.maxTotal))) return 'rules.numberInvalid'
      return blank(form.minTotal) || Number(form.minTotal) <= Number(form.maxTotal) ? '' : 'rules.bandEmpty'
    case 'minRise':
      if (blank(form.minRise)) return ''
      return Number(form.minRise) > 0 ? '' : 'rules.risePositive'
    case 'conditions':
      return !blank(form.minTotal) || !blank(form.maxTotal) || !blank(form.minRise) || form.requiresCritical || (form.requiredTags || []).length
        ? '' : 'rules.noCondition'
    default:
      return ''
  }
}

// The request body of the form: empty numbers become null, the name is trimmed.
export function ruleBody(form) {
  const num = (v) => (blank(v) ? null : Number(v))
  return {
    name: (form.name || '').trim(), level: form.level, scaleCode: form.scaleCode || null,
    minTotal: num(form.minTotal), maxTotal: num(form.maxTotal), minRise: num(form.minRise), requiresCritical: !!form.requiresCritical,
    requiredTags: [...(form.requiredTags || [])], active: !!form.active
  }
}

// The server's field codes as message keys, for errors the client did not catch.
export const SERVER_CODES = {
  required: 'common.required', rule_without_condition: 'rules.noCondition', rule_rise_positive: 'rules.risePositive',
  level_invalid: 'rules.levelInvalid', scale_unknown: 'rules.scaleUnknown', rule_total_band_empty: 'rules.bandEmpty',
  rule_total_below_lowest: 'rules.belowLowest'
}

export function ruleRules(t, form, scaleCodes) {
  const rule = (field, trigger = 'blur') => ({
    trigger,
    validator: (_, __, cb) => { const k = ruleFieldProblem(field, form, scaleCodes()); return k ? cb(new Error(t(k))) : cb() }
  })
  return {
    name: [rule('name')],
    level: [rule('level', 'change')],
    scaleCode: [rule('scaleCode', 'change')],
    minTotal: [rule('minTotal')],
    maxTotal: [rule('maxTotal'), rule('maxTotal', 'change')],
    minRise: [rule('minRise')],
    conditions: [rule('conditions', 'change')]
  }
}

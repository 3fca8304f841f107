// Validation of the campaign form; mirrors the server (campaigns/domain/campaign.cc): a name of
// at most 200 characters (code points), a unit, at least one known scale, valid dates with the end not
// before the start, a target size of 0 or more. Pure, unit-tested.
import { isValidDate } from '../people/rule.js'

const codePoints = (s) => [...s].length

export function campaignFieldProblem(field, form, scaleCodes = []) {
  switch (field) {
    case 'name': {
      const n = (form.name || '').trim()
      if (!n) return 'common.required'
      return codePoints(n) > 200 ? 'campaigns.nameTooLong' : ''
    }
    case 'targetGroup':
      return codePoints((form.targetGroup || '').trim()) > 200 ? 'campaigns.targetGroupTooLong' : ''
    case 'consentText':
      return codePoints((form.consentText || '').trim()) > 2000 ? 'campaigns.consentTooLong' : ''
    case 'unitId':
      return form.unitId ? '' : 'common.required'
    case 'scaleCodes':
      if (!(form.scaleCodes || []).length) return 'common.required'
      return form.scaleCodes.every((c) => scaleCodes.includes(c)) ? '' : 'rules.scaleUnknown'
    case 'dates': {
      const [start, end] = form.dates || []
      if (!isValidDate(start) || !isValidDate(end)) return 'campaigns.datesInvalid'
      return end < start ? 'campaigns.endsBeforeStart' : ''
    }
    case 'targetSize':
      return Number.isInteger(form.targetSize) && form.targetSize >= 0 ? '' : 'campaigns.targetSizeInvalid'
    default:
      return ''
  }
}

// The request body of the form.
export function campaignBody(form) {
  return {
    name: form.name.trim(), unitId: form.unitId, targetGroup: (form.targetGroup || '').trim(), scaleCodes: [...form.scaleCodes],
    startsOn: form.dates[0], endsOn: form.dates[1], consentText: (form.consentText || '').trim(),
    showResult: !!form.showResult, targetSize: form.targetSize
  }
}

// Server field names that the form shows under another field.
export const FORM_FIELD = { startsOn: 'dates', endsOn: 'dates' }

export function campaignRules(t, form, scaleCodes) {
  const rule = (field, trigger = 'blur') => ({
    trigger,
    validator: (_, __, cb) => { const k = campaignFieldProblem(field, form, scaleCodes()); return k ? cb(new Error(t(k))) : cb() }
  })
  return {
    name: [rule('name')],
    targetGroup: [rule('targetGroup')],
    consentText: [rule('consentText')],
    unitId: [rule('unitId', 'change')],
    scaleCodes: [rule('scaleCodes', 'change')],
    dates: [rule('dates', 'change')],
    targetSize: [rule('targetSize', 'change')]
  }
}

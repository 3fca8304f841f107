// The respondent of an identified self-assessment: a name, a mainland mobile and optionally an
// ID number (matched to the registry on the server). Pure, unit-tested.
import { idNumberValid, normalizeIdNumber, normalizePhone, phoneValid, codePoints } from '../people/rule.js'

// {field: messageKey} of every problem; empty when the respondent may submit.
export function respondentProblems(r) {
  const out = {}
  const name = (r.name || '').trim()
  if (!name) out.name = 'common.required'
  else if (codePoints(name) > 50) out.name = 'people.nameTooLong'
  if (!(r.phone || '').trim()) out.phone = 'common.required'
  else if (!phoneValid(r.phone)) out.phone = 'people.phoneInvalid'
  if ((r.idNumber || '').trim() && !idNumberValid(r.idNumber)) out.idNumber = 'people.idInvalid'
  return out
}

// The respondent part of the request, or undefined for an anonymous answer.
export function respondentBody(mode, r) {
  if (mode !== 'identified') return undefined
  const body = { name: r.name.trim(), phone: normalizePhone(r.phone) }
  const id = normalizeIdNumber(r.idNumber)
  if (id) body.idNumber = id
  return body
}

// The token that makes this browser's answers to one campaign one respondent (the server counts
// an anonymous respondent who answers several scales once): kept in `storage` (the tab's
// sessionStorage) per campaign, made from `randomBytes(n)` the first time. Nothing personal.
export function respondentToken(storage, campaignId, randomBytes) {
  const key = `xinan.respondent.${campaignId}`
  let token = ''
  try { token = storage?.getItem(key) || '' } catch { token = '' }
  if (/^[A-Za-z0-9_-]{16,64}$/.test(token)) return token
  token = Array.from(randomBytes(16), (b) => b.toString(16).padStart(2, '0')).join('')
  try { storage?.setItem(key, token) } catch { /* private mode: one token for this page only */ }
  return token
}

// Validation of the org-unit form; mirrors the server's org/domain rules: 12-digit statistical
// division codes sharing the parent's prefix (6 digits under a district, 9 under a town), names
// of at most 60 characters, hotlines of 3–20 digits or dashes. Pure, unit-tested in web/test/.
export const CHILD_LEVEL = { district: 'town', town: 'village' }
const SHARED_PREFIX = { district: 6, town: 9 }

// The first problem of a unit code under `parent` ({code, level}) as a message key, or ''.
export function unitCodeProblem(code, parent) {
  const c = (code || '').trim()
  if (!/^\d{12}$/.test(c)) return 'org.codeInvalid'
  const n = parent ? SHARED_PREFIX[parent.level] : 0
  if (n && c.slice(0, n) !== parent.code.slice(0, n)) return 'org.codeParentMismatch'
  if (parent && c === parent.code) return 'org.codeParentMismatch'
  return ''
}

// The code a new child starts from: the part it shares with the parent.
export const childCodePrefix = (parent) => (parent ? parent.code.slice(0, SHARED_PREFIX[parent.level] || 0) : '')

export function unitNameProblem(name) {
  const n = [...(name || '').trim()].length
  if (n === 0) return 'common.required'
  return n > 60 ? 'org.nameTooLong' : ''
}

export const hotlineValid = (h) => !h || /^[\d-]{3,20}$/.test(h.trim())

export function unitRules(t, parent) {
  const rule = (check) => ({ trigger: 'blur', validator: (_, v, cb) => { const k = check(v); return k ? cb(new Error(t(k))) : cb() } })
  return {
    code: [rule((v) => unitCodeProblem(v, parent()))],
    name: [rule(unitNameProblem)],
    hotline: [rule((v) => (hotlineValid(v) ? '' : 'org.hotlineInvalid'))]
  }
}

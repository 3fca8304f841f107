// Validation of the user form; mirrors the server's password policy (security/password.cc):
// 10–128 characters, not containing the username (case-insensitive). Pure, unit-tested.
export function passwordProblem(username, password) {
  const n = [...(password || '')].length
  if (n < 10) return 'users.passwordTooShort'
  if (n > 128) return 'users.passwordTooLong'
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'users.passwordContainsUsername'
  return ''
}

export function userRules(t, form) {
  const rule = (check, trigger = 'blur') => ({ trigger, validator: (_, v, cb) => { const k = check(v); return k ? cb(new Error(t(k))) : cb() } })
  const required = (v) => (Array.isArray(v) ? v.length : (v || '').trim()) ? '' : 'common.required'
  return {
    username: [rule(required)],
    displayName: [rule(required)],
    unitId: [rule(required, 'change')],
    roles: [rule(required, 'change')],
    password: [rule((v) => passwordProblem(form.username, v))]
  }
}

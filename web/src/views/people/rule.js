// Validation of the resident and break-glass forms; mirrors the server's people/domain rules
// (GB 11643 ID numbers, mainland mobiles, field lengths, ID/birth date/gender agreement).
// Pure functions, unit-tested in web/test/people_rule.test.mjs.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECKS = '10X98765432'

export const codePoints = (s) => [...(s || '')].length

// Today as YYYY-MM-DD in Asia/Shanghai, the server's calendar.
export function todayShanghai(now = new Date()) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(now)
}

export const normalizeIdNumber = (raw) => (raw || '').trim().toUpperCase()

// The GB 11643 check character of the first 17 digits.
export function idCheckChar(first17) {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += +first17[i] * WEIGHTS[i]
  return CHECKS[sum % 11]
}

export function isValidDate(ymd) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd || '')) return false
  const [y, m, d] = ymd.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

export const idNumberBirthDate = (id) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
export const idNumberGender = (id) => (+id[16] % 2 === 1 ? 'male' : 'female')

// True for an 18-character ID number with a real birth date in [1900-01-01, today] and a
// correct check character.
export function idNumberValid(raw, today = todayShanghai()) {
  const id = normalizeIdNumber(raw)
  if (!/^\d{17}[\dX]$/.test(id)) return false
  const birth = idNumberBirthDate(id)
  if (!isValidDate(birth) || birth < '1900-01-01' || birth > today) return false
  return idCheckChar(id) === id[17]
}

// Spaces, dashes and a +86 / 86 prefix go, as on the server.
export function normalizePhone(raw) {
  let s = (raw || '').replace(/[\s-]/g, '')
  if (s.startsWith('+86')) s = s.slice(3)
  else if (s.length === 13 && s.startsWith('86')) s = s.slice(2)
  return s
}

export const phoneValid = (raw) => /^1[3-9]\d{9}$/.test(normalizePhone(raw))

export const breakGlassReasonValid = (reason) => codePoints((reason || '').trim()) >= 10

// The first problem of one field of the resident form as a message key, or '' when fine.
// `form` gives the other fields for the ID/birth date/gender agreement.
export function personFieldProblem(field, form, today = todayShanghai()) {
  const v = form[field]
  const id = normalizeIdNumber(form.idNumber)
  const idOk = id !== '' && idNumberValid(id, today)
  switch (field) {
    case 'name':
      if (!(v || '').trim()) return 'common.required'
      return codePoints(v.trim()) > 50 ? 'people.nameTooLong' : ''
    case 'gender':
      if (v !== 'male' && v !== 'female') return 'common.required'
      return idOk && idNumberGender(id) !== v ? 'people.genderMismatch' : ''
    case 'birthDate':
      if (!v) return 'common.required'
      if (!isValidDate(v) || v < '1900-01-01' || v > today) return 'people.birthDateInvalid'
      return idOk && idNumberBirthDate(id) !== v ? 'people.birthDateMismatch' : ''
    case 'idNumber':
      return id === '' || idOk ? '' : 'people.idInvalid'
    case 'phone':
      return !(v || '').trim() || phoneValid(v) ? '' : 'people.phoneInvalid'
    case 'address':
      return codePoints((v || '').trim()) > 200 ? 'people.addressTooLong' : ''
    case 'unitId':
      return v ? '' : 'common.required'
    default:
      return ''
  }
}

// Element Plus rules for the resident form over personFieldProblem.
export function personRules(t, form) {
  const rule = (field, trigger = 'blur') => ({
    trigger,
    validator: (_, __, cb) => {
      const key = personFieldProblem(field, form)
      return key ? cb(new Error(t(key))) : cb()
    }
  })
  return {
    name: [rule('name')],
    gender: [rule('gender', 'change')],
    birthDate: [rule('birthDate', 'change')],
    idNumber: [rule('idNumber')],
    phone: [rule('phone')],
    address: [rule('address')],
    unitId: [rule('unitId', 'change')]
  }
}

export function breakGlassRules(t) {
  return {
    idNumber: [{ trigger: 'blur', validator: (_, v, cb) => (idNumberValid(v) ? cb() : cb(new Error(t('people.idInvalid')))) }],
    reason: [{ trigger: 'blur', validator: (_, v, cb) => (breakGlassReasonValid(v) ? cb() : cb(new Error(t('people.reasonTooShort')))) }]
  }
}

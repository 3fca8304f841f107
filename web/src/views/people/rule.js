// Validation of the resident form; mirrors the server (people/domain).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECKS = '10X98765432'

export function idNumberValid(raw) {
  const id = (raw || '').trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return false
  const y = +id.slice(6, 10), m = +id.slice(10, 12), d = +id.slice(12, 14)
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || date > new Date()) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += +id[i] * WEIGHTS[i]
  return CHECKS[sum % 11] === id[17]
}

export const phoneValid = (p) => /^1[3-9]\d{9}$/.test((p || '').replace(/[\s-]/g, ''))

export function personRules(t) {
  const required = { required: true, message: t('common.required'), trigger: 'blur' }
  return {
    name: [required, { max: 50, trigger: 'blur' }],
    gender: [{ ...required, trigger: 'change' }],
    birthDate: [{ ...required, trigger: 'change' }],
    unitId: [{ ...required, trigger: 'change' }],
    idNumber: [{ validator: (_, v, cb) => (!v || idNumberValid(v) ? cb() : cb(new Error(t('people.idInvalid')))), trigger: 'blur' }],
    phone: [{ validator: (_, v, cb) => (!v || phoneValid(v) ? cb() : cb(new Error(t('people.phoneInvalid')))), trigger: 'blur' }]
  }
}

// Org-unit and user form rules mirror the server (org/domain, security/password.cc).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { unitCodeProblem, childCodePrefix, unitNameProblem, hotlineValid } from '../src/views/org/rule.js'
import { passwordProblem } from '../src/views/users/rule.js'
import { locales, lookup } from './helpers.mjs'

const district = { code: '330499000000', level: 'district' }
const town = { code: '330499001000', level: 'town' }

test('unit codes: 12 digits sharing the parent prefix', () => {
  const cases = [
    ['330499002000', district, ''],
    ['330498002000', district, 'org.codeParentMismatch'],
    ['330499000000', district, 'org.codeParentMismatch'],
    ['330499001007', town, ''],
    ['330499002007', town, 'org.codeParentMismatch'],
    ['33049900100', town, 'org.codeInvalid'],
    ['33049900100a', town, 'org.codeInvalid'],
    ['', town, 'org.codeInvalid']
  ]
  for (const [code, parent, want] of cases) assert.equal(unitCodeProblem(code, parent), want, code)
  assert.equal(childCodePrefix(district), '330499')
  assert.equal(childCodePrefix(town), '330499001')
})

test('unit names and hotlines', () => {
  assert.equal(unitNameProblem(''), 'common.required')
  assert.equal(unitNameProblem('东'.repeat(60)), '')
  assert.equal(unitNameProblem('东'.repeat(61)), 'org.nameTooLong')
  for (const h of ['', '12356', '0573-12345678']) assert.equal(hotlineValid(h), true, h)
  for (const h of ['12', '12356x', '1'.repeat(21)]) assert.equal(hotlineValid(h), false, h)
})

test('password policy', () => {
  const cases = [
    ['admin_1', 'short', 'users.passwordTooShort'],
    ['admin_1', '123456789', 'users.passwordTooShort'],
    ['admin_1', '1234567890', ''],
    ['admin_1', 'x'.repeat(129), 'users.passwordTooLong'],
    ['admin_1', 'my-ADMIN_1-secret', 'users.passwordContainsUsername'],
    ['', 'long enough password', '']
  ]
  for (const [user, pw, want] of cases) {
    assert.equal(passwordProblem(user, pw), want, `${user}/${pw}`)
    if (want) for (const [name, m] of Object.entries(locales)) assert.ok(lookup(m, want), `${want} in ${name}`)
  }
})

// The resident form rules mirror the server: GB 11643 ID numbers, mainland mobiles, lengths,
// and the agreement of ID number, birth date and gender.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  idNumberValid, idCheckChar, phoneValid, normalizePhone, personFieldProblem, breakGlassReasonValid,
  idNumberBirthDate, idNumberGender
} from '../src/views/people/rule.js'
import { idNumber, locales, lookup } from './helpers.mjs'

const TODAY = '2026-11-24'

test('GB 11643 check characters of published examples', () => {
  // The standard's worked example 11010519491231002X, and one ending in a digit.
  assert.equal(idCheckChar('11010519491231002'), 'X')
  assert.equal(idCheckChar('44052418800101001'), '4')
})

test('ID numbers: valid and invalid cases', () => {
  const cases = [
    ['11010519491231002X', true, 'standard example'],
    ['11010519491231002x', true, 'lower-case x is accepted'],
    [' 11010519491231002X ', true, 'surrounding spaces'],
    ['110105194912310021', false, 'wrong check character'],
    ['11010519491231002', false, '17 characters'],
    ['1101051949123100211', false, '19 characters'],
    ['11010519490230002X', false, 'no 30 February'],
    [idNumber('330499', '20261125', '001'), false, 'born after today'],
    [idNumber('330499', '18991231', '001'), false, 'born before 1900'],
    [idNumber('330499', '20000229', '001'), true, 'leap day 2000'],
    [idNumber('330499', '19000229', '001'), false, '1900 was no leap year'],
    ['', false, 'empty']
  ]
  for (const [id, want, why] of cases) assert.equal(idNumberValid(id, TODAY), want, `${id}: ${why}`)
})

test('birth date and gender follow from the ID number', () => {
  const id = '11010519491231002X'
  assert.equal(idNumberBirthDate(id), '1949-12-31')
  assert.equal(idNumberGender(id), 'female')  // 17th digit 2 is even
  assert.equal(idNumberGender(idNumber('330499', '19800101', '011')), 'male')
})

test('mainland mobile numbers, normalised as on the server', () => {
  const cases = [
    ['13912345678', true], ['139 1234 5678', true], ['139-1234-5678', true], ['+8613912345678', true],
    ['8613912345678', true], ['12912345678', false], ['1391234567', false], ['139123456789', false], ['1391234567a', false]
  ]
  for (const [p, want] of cases) assert.equal(phoneValid(p), want, p)
  assert.equal(normalizePhone('+86 139-1234-5678'), '13912345678')
})

test('person form fields: the first problem of each', () => {
  const id = idNumber('330499', '19800101', '011')  // male, 1980-01-01
  const ok = { name: '张三', gender: 'male', birthDate: '1980-01-01', idNumber: id, phone: '13912345678', address: '', unitId: 'u1' }
  for (const f of Object.keys(ok)) assert.equal(personFieldProblem(f, ok, TODAY), '', `${f} of a valid form`)
  const cases = [
    ['name', { name: '  ' }, 'common.required'],
    ['name', { name: '张'.repeat(51) }, 'people.nameTooLong'],
    ['name', { name: '𠀀'.repeat(50) }, ''],  // 50 code points outside the BMP are still 50
    ['gender', { gender: '' }, 'common.required'],
    ['gender', { gender: 'female' }, 'people.genderMismatch'],
    ['gender', { gender: 'female', idNumber: '' }, ''],
    ['birthDate', { birthDate: '' }, 'common.required'],
    ['birthDate', { birthDate: '1980-01-02' }, 'people.birthDateMismatch'],
    ['birthDate', { birthDate: '2027-01-01', idNumber: '' }, 'people.birthDateInvalid'],
    ['idNumber', { idNumber: id.slice(0, 17) + (id[17] === '1' ? '2' : '1') }, 'people.idInvalid'],
    ['idNumber', { idNumber: '' }, ''],
    ['phone', { phone: '1234' }, 'people.phoneInvalid'],
    ['phone', { phone: '' }, ''],
    ['address', { address: '路'.repeat(201) }, 'people.addressTooLong'],
    ['unitId', { unitId: '' }, 'common.required']
  ]
  for (const [field, change, want] of cases) {
    assert.equal(personFieldProblem(field, { ...ok, ...change }, TODAY), want, `${field} ${JSON.stringify(change).slice(0, 40)}`)
  }
  for (const [, , key] of cases) {
    if (key) for (const [name, messages] of Object.entries(locales)) assert.ok(lookup(messages, key), `${key} in ${name}`)
  }
})

test('a break-glass reason needs 10 characters after trimming', () => {
  assert.equal(breakGlassReasonValid('紧急危机干预需要查看档案'), true)
  assert.equal(breakGlassReasonValid('  短原因  '), false)
  assert.equal(breakGlassReasonValid('1234567890'), true)
  assert.equal(breakGlassReasonValid('123456789 '), false)
})

// The audit log in words: every action the server audits has a label in both languages, and
// recorded reasons are translated part by part.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { AUDIT_ACTIONS, actionLabel, objectText, reasonText } from '../src/views/audit/utils/words.js'
import { i18n, assertInWords } from './helpers.mjs'


function serverSources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    if (statSync(p).isDirectory()) return serverSources(p)
    return p.endsWith('.cc') && !p.endsWith('_test.cc') ? [p] : []
  })
}

test('the action list is every action the server audits', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server/src')
  const audited = new Set()
  for (const file of serverSources(root)) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/Event\("([a-z_]+\.[a-z_]+)"/g)) audited.add(m[1])
    // Alert transitions are audited as "alert." + their action.
    for (const m of text.matchAll(/Transition\([^;]*?\{[^}]*\}, "[a-z_]+", "([a-z_]+)"/g)) audited.add(`alert.${m[1]}`)
  }
  assert.ok(audited.has('person.read') && audited.has('alert.closed'), [...audited].join(' '))
  assert.deepEqual([...audited].sort(), [...AUDIT_ACTIONS].sort())
})

test('every action has a label in both languages', () => {
  for (const locale of ['zh-CN', 'en']) {
    const { t, te } = i18n(locale)
    for (const a of AUDIT_ACTIONS) assert.notEqual(actionLabel(a, t, te), a, `${locale}: ${a}`)
  }
  const { t, te } = i18n('zh-CN')
  assert.equal(actionLabel('person.read', t, te), '查看居民档案')
  assert.equal(actionLabel('something.new', t, te), 'something.new', 'an unknown action shows its code')
})

test('reasons: known parts translated, typed reasons as typed', () => {
  const cases = [
    ['zh-CN', 'wrong password; account locked', '密码错误、账号已锁定'],
    ['en', 'wrong password; account locked', 'wrong password, account locked'],
    ['zh-CN', 'unknown username', '用户名不存在'],
    ['zh-CN', 'wrong old password; account locked', '修改密码时原密码错误、账号已锁定'],
    ['zh-CN', '夜间来电，需核实既往就诊记录', '夜间来电，需核实既往就诊记录'],
    ['zh-CN', '25 lines', '25 lines'],
    ['en', '', '']
  ]
  assertInWords(reasonText, cases)
})

test('objects read as their type in words and a short id', () => {
  const { t, te } = i18n('zh-CN')
  const cases = [
    ['person', '01a213d05aee44e9288ca8b8f28bfa36', '居民 …f28bfa36'],
    ['session', 'abc', '登录会话 …abc'],
    ['warning_rule', 'default-critical', '预警规则 …critical'],
    ['something', 'x1', 'something …x1'],
    ['org_unit', '', '机构'],
    ['', '', '']
  ]
  for (const [type, id, shown] of cases) assert.equal(objectText(type, id, t, te), shown, `${type} ${id}`)
  const en = i18n('en')
  assert.equal(objectText('campaign', 'c-12345678', en.t, en.te), 'Campaign …12345678')
})

test('every object type the server audits has a name in both languages', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server/src')
  const types = new Set(['alert'])  // alert transitions name their type in AlertStore::Transition
  for (const file of serverSources(root)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/Event\("[a-z_]+\.[a-z_]+", "([a-z_]+)"/g)) types.add(m[1])
  }
  assert.ok(types.has('person') && types.has('session'), [...types].join(' '))
  for (const locale of ['zh-CN', 'en']) {
    const { t, te } = i18n(locale)
    for (const type of types) assert.notEqual(objectText(type, '', t, te), type, `${locale}: ${type}`)
  }
})


// The warning-rule, campaign and respondent forms mirror the server's validation; campaign
// links and export names.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ruleFieldProblem, ruleBody, SERVER_CODES } from '../src/views/rules/rule.js'
import { campaignFieldProblem, campaignBody } from '../src/views/campaigns/rule.js'
import { respondentProblems, respondentBody, respondentToken } from '../src/views/self/rule.js'
import { selfAssessmentPath, exportFileName } from '../src/views/campaigns/utils/links.js'
import { idNumber, locales, lookup } from './helpers.mjs'

const scales = ['phq9', 'gad7']
const okRule = { name: 'PHQ-9 ≥ 15', level: 'orange', scaleCode: 'phq9', minTotal: 15, maxTotal: null, minRise: null, requiresCritical: false, requiredTags: [], active: true }

test('warning rules: server codes name/required, conditions, minRise, maxTotal band, level, scaleCode', () => {
  for (const f of ['name', 'level', 'scaleCode', 'minTotal', 'maxTotal', 'minRise', 'conditions']) assert.equal(ruleFieldProblem(f, okRule, scales), '', f)
  const cases = [
    ['name', { name: '  ' }, 'common.required'],
    ['level', { level: 'blue' }, 'rules.levelInvalid'],
    ['scaleCode', { scaleCode: 'scl90' }, 'rules.scaleUnknown'],
    ['scaleCode', { scaleCode: '' }, ''],
    ['minRise', { minRise: 0 }, 'rules.risePositive'],
    ['minRise', { minRise: -3 }, 'rules.risePositive'],
    ['minRise', { minRise: 5 }, ''],
    ['conditions', { minTotal: null }, 'rules.noCondition'],
    ['conditions', { minTotal: null, minRise: 5 }, ''],
    ['conditions', { minTotal: null, requiresCritical: true }, ''],
    ['conditions', { minTotal: null, requiredTags: ['minor'] }, ''],  // the server counts tags as a condition
    ['conditions', { minTotal: 0 }, ''],  // 0 is a condition, not an empty field
    ['conditions', { minTotal: null, maxTotal: 28 }, ''],  // WHO-5 ≤ 28: an upper bound alone
    ['maxTotal', { maxTotal: 14 }, 'rules.bandEmpty'],  // at least 15, at most 14: nothing fits
    ['maxTotal', { maxTotal: 15 }, ''],  // a band of one total
    ['maxTotal', { minTotal: null, maxTotal: 0 }, ''],
    ['maxTotal', { maxTotal: 'x' }, 'rules.numberInvalid']
  ]
  for (const [field, change, want] of cases) {
    assert.equal(ruleFieldProblem(field, { ...okRule, ...change }, scales), want, `${field} ${JSON.stringify(change)}`)
    if (want) for (const [name, m] of Object.entries(locales)) assert.ok(lookup(m, want), `${want} in ${name}`)
  }
  for (const key of Object.values(SERVER_CODES)) for (const m of Object.values(locales)) assert.ok(lookup(m, key), key)
})

test('a rule body sends nulls for empty numbers and no empty scale', () => {
  assert.equal(ruleBody({ ...okRule, maxTotal: '28' }).maxTotal, 28)
  assert.deepEqual(ruleBody({ ...okRule, name: ' x ', scaleCode: '', minTotal: '', minRise: '4' }),
    { name: 'x', level: 'orange', scaleCode: null, minTotal: null, maxTotal: null, minRise: 4, requiresCritical: false, requiredTags: [], active: true })
})

const okCampaign = { name: '2026 秋季初二心理普查', unitId: 'u1', targetGroup: '初二', scaleCodes: ['phq9'], dates: ['2026-09-01', '2026-09-30'], consentText: '', showResult: false, targetSize: 120 }

test('campaigns: name characters, unit, known scales, date order, target size', () => {
  for (const f of ['name', 'targetGroup', 'consentText', 'unitId', 'scaleCodes', 'dates', 'targetSize']) assert.equal(campaignFieldProblem(f, okCampaign, scales), '', f)
  const cases = [
    ['name', { name: '' }, 'common.required'],
    ['name', { name: '测'.repeat(200) }, ''],  // 200 characters, 600 bytes
    ['name', { name: '测'.repeat(201) }, 'campaigns.nameTooLong'],
    ['unitId', { unitId: '' }, 'common.required'],
    ['scaleCodes', { scaleCodes: [] }, 'common.required'],
    ['scaleCodes', { scaleCodes: ['phq9', 'x'] }, 'rules.scaleUnknown'],
    ['dates', { dates: null }, 'campaigns.datesInvalid'],
    ['dates', { dates: ['2026-02-30', '2026-03-01'] }, 'campaigns.datesInvalid'],
    ['dates', { dates: ['2026-09-30', '2026-09-01'] }, 'campaigns.endsBeforeStart'],
    ['dates', { dates: ['2026-09-01', '2026-09-01'] }, ''],
    ['targetSize', { targetSize: -1 }, 'campaigns.targetSizeInvalid'],
    ['targetSize', { targetSize: 1.5 }, 'campaigns.targetSizeInvalid'],
    ['targetSize', { targetSize: 0 }, ''],
    ['targetGroup', { targetGroup: '初'.repeat(200) }, ''],
    ['targetGroup', { targetGroup: '初'.repeat(201) }, 'campaigns.targetGroupTooLong'],
    ['consentText', { consentText: '同'.repeat(2000) }, ''],  // as the server: characters, not bytes
    ['consentText', { consentText: '同'.repeat(2001) }, 'campaigns.consentTooLong']
  ]
  for (const [field, change, want] of cases) {
    assert.equal(campaignFieldProblem(field, { ...okCampaign, ...change }, scales), want, `${field} ${JSON.stringify(change).slice(0, 50)}`)
    if (want) for (const [name, m] of Object.entries(locales)) assert.ok(lookup(m, want), `${want} in ${name}`)
  }
  const body = campaignBody(okCampaign)
  assert.equal(body.startsOn, '2026-09-01')
  assert.equal(body.endsOn, '2026-09-30')
  assert.equal(body.showResult, false)
})

test('an identified respondent needs a name and a mobile; the ID number is optional but checked', () => {
  const id = idNumber('330499', '19800101', '011')
  assert.deepEqual(respondentProblems({ name: '王五', phone: '139 1234 5678', idNumber: '' }), {})
  assert.deepEqual(respondentProblems({ name: '王五', phone: '13912345678', idNumber: id }), {})
  assert.deepEqual(respondentProblems({ name: ' ', phone: '123', idNumber: '123' }),
    { name: 'common.required', phone: 'people.phoneInvalid', idNumber: 'people.idInvalid' })
  assert.deepEqual(respondentProblems({ name: '王五', phone: '', idNumber: '' }), { phone: 'common.required' })
  assert.equal(respondentBody('anonymous', { name: 'x' }), undefined)
  assert.deepEqual(respondentBody('identified', { name: ' 王五 ', phone: '+86 139-1234-5678', idNumber: '' }), { name: '王五', phone: '13912345678' })
  assert.deepEqual(respondentBody('identified', { name: '王五', phone: '13912345678', idNumber: id.toLowerCase() }), { name: '王五', phone: '13912345678', idNumber: id.toUpperCase() })
})

test('self-assessment links are what the server\'s QR code encodes', () => {
  assert.equal(selfAssessmentPath('330499001001', 'phq9'), '/s/330499001001?scale=phq9')
  assert.equal(selfAssessmentPath('330499001001', 'gad7', 'c1'), '/s/330499001001?scale=gad7&campaign=c1')
  assert.equal(selfAssessmentPath('330499001001', ''), '/s/330499001001?scale=phq9')
})

test('the export is saved under the campaign\'s name unless the server names it otherwise', () => {
  const named = (name) => `${name}-答卷.xlsx`
  const c = { id: 'c1', name: '东湖村 2026/秋季:普查' }
  const cases = [
    // [server name, campaign, expected]
    ['campaign-c1.xlsx', c, '东湖村 2026_秋季_普查-答卷.xlsx'],
    ['', c, '东湖村 2026_秋季_普查-答卷.xlsx'],
    ['东湖村普查-2026-11-25.xlsx', c, '东湖村普查-2026-11-25.xlsx'],
    ['campaign-c1.xlsx', { id: 'c1', name: '  ' }, 'campaign-c1.xlsx'],
    ['campaign-c1.xlsx', { id: 'c1', name: 'x'.repeat(300) }, `${'x'.repeat(100)}-答卷.xlsx`]
  ]
  for (const [server, campaign, want] of cases) assert.equal(exportFileName(server, campaign, named), want, `${server} ${campaign.name}`)
})

test('a campaign respondent token is made once per campaign and kept for the visit', () => {
  const kept = new Map()
  const storage = { getItem: (k) => kept.get(k) ?? null, setItem: (k, v) => kept.set(k, v) }
  let calls = 0
  const random = (n) => { calls++; return Uint8Array.from({ length: n }, (_, i) => (i * 37 + calls) % 256) }
  const first = respondentToken(storage, 'c1', random)
  assert.match(first, /^[0-9a-f]{32}$/, 'what the server accepts: 16-64 of [A-Za-z0-9_-]')
  assert.equal(respondentToken(storage, 'c1', random), first, 'the second scale of the same campaign: the same respondent')
  assert.notEqual(respondentToken(storage, 'c2', random), first, 'another campaign: another token')
  assert.equal(calls, 2)
  kept.set('xinan.respondent.c1', 'bad token!')
  assert.notEqual(respondentToken(storage, 'c1', random), 'bad token!', 'a damaged value is replaced')
  const broken = { getItem: () => { throw new Error('denied') }, setItem: () => { throw new Error('denied') } }
  assert.match(respondentToken(broken, 'c1', random), /^[0-9a-f]{32}$/, 'storage refused: still a token')
})

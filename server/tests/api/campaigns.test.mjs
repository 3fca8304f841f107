// Screening campaigns end to end: create in scope, roster import (all or nothing, line-numbered
// errors), self-assessment through the campaign's link (open, closed, hidden results,
// identified respondents), coverage and positive rate by unit, Excel export, sibling scope.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { inflateRawSync } from 'node:zlib'
import { startServer, api, login, idNumber } from './harness.mjs'

let srv, town1, v1, v2, town2
const phq9 = (value, item9 = 0) => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), i === 8 ? item9 : value]))
const V11 = '330499001001', V12 = '330499001002'
const FLAGS = ['--login-rate-per-minute', '1000', '--self-assessment-rate-per-minute', '1000', '--access-log', 'false']

before(async () => {
  srv = await startServer({ extraArgs: FLAGS })
  town1 = await login(srv.url, 'station_330499001000')
  v1 = await login(srv.url, `counsellor_${V11}`)
  v2 = await login(srv.url, `counsellor_${V12}`)
  town2 = await login(srv.url, 'station_330499002000')
})
after(async () => { assert.equal(await srv.stop(), 0) })

const campaignBody = (extra = {}) => ({
  name: '初二年级心理普查', unitId: town1.user.unit.id, targetGroup: '初二年级', scaleCodes: ['phq9', 'gad7'],
  startsOn: '2020-01-01', endsOn: '2099-12-31', consentText: '本次测评仅用于心理健康服务。', showResult: true, targetSize: 50, ...extra
})
const submit = (unit, body) => api(srv.url, 'POST', `/api/v1/public/units/${unit}/assessments`, { body: { consent: true, ...body } })

test('create validates every field and names it', async () => {
  const bad = await api(srv.url, 'POST', '/api/v1/campaigns', { auth: town1, body: campaignBody({ name: '', scaleCodes: ['nope'], startsOn: '2024-13-01', endsOn: '2023-01-01', targetSize: -1 }) })
  assert.equal(bad.status, 422)
  const codes = Object.fromEntries(bad.json.errors.map((e) => [e.field, e.code]))
  assert.deepEqual(codes, { name: 'required', scaleCodes: 'scale_unknown', startsOn: 'date_invalid', targetSize: 'target_size_invalid' })
  const long = await api(srv.url, 'POST', '/api/v1/campaigns', { auth: town1, body: campaignBody({ consentText: '同'.repeat(2001), targetGroup: '初'.repeat(201) }) })
  assert.deepEqual(long.json.errors.map((e) => [e.field, e.code]), [['targetGroup', 'target_group_too_long'], ['consentText', 'consent_too_long']])
  const backwards = await api(srv.url, 'POST', '/api/v1/campaigns', { auth: town1, body: campaignBody({ startsOn: '2024-02-01', endsOn: '2024-01-01' }), lang: 'en' })
  assert.equal(backwards.json.errors[0].code, 'ends_before_start')
  assert.match(backwards.json.errors[0].message, /end date/)
  const elsewhere = await api(srv.url, 'POST', '/api/v1/campaigns', { auth: v1, body: campaignBody({ unitId: v2.user.unit.id }) })
  assert.equal(elsewhere.status, 422)
  assert.equal(elsewhere.json.errors[0].field, 'unitId')
  assert.equal((await api(srv.url, 'GET', '/api/v1/campaigns', { auth: town1 })).json.total, 0, 'nothing was created')
})

test('a campaign: roster, link, coverage by unit, export; a sibling town sees none of it', async () => {
  const created = await api(srv.url, 'POST', '/api/v1/campaigns', { auth: town1, body: campaignBody() })
  assert.equal(created.status, 201, created.text)
  const c = created.json
  assert.equal(created.headers.get('location'), `/api/v1/campaigns/${c.id}`)
  assert.equal(c.open, true)
  assert.equal(c.targetSize, 50, 'the declared size counts until a roster exists')

  const badRoster = 'name,phone,unitCode,group\n张一,13800000001,330499001001,1班\n张二,1380000,330499001001,1班\n张三,13800000003,330499002001,2班\n'
  const refused = await api(srv.url, 'POST', `/api/v1/campaigns/${c.id}/roster`, { auth: town1, raw: badRoster, headers: { 'Content-Type': 'text/csv' } })
  assert.equal(refused.status, 422, refused.text)
  assert.deepEqual(refused.json.errors.map((e) => `${e.field}:${e.code}`), ['line 3: phone:phone_format', 'line 4: unitCode:unit_not_found'],
    'the text\'s errors and the units outside the campaign in one answer, in line order')
  const outside = badRoster.replace('1380000,', '13800000002,')
  const refused2 = await api(srv.url, 'POST', `/api/v1/campaigns/${c.id}/roster`, { auth: town1, raw: outside })
  assert.deepEqual(refused2.json.errors.map((e) => `${e.field}:${e.code}`), ['line 4: unitCode:unit_not_found'], 'a unit outside the campaign')
  assert.equal((await api(srv.url, 'GET', `/api/v1/campaigns/${c.id}/roster`, { auth: town1 })).json.total, 0, 'nothing imported')

  const roster = `name,phone,unitCode,group\n张一,13800000001,${V11},1班\n张二,13800000002,${V11},1班\n李三,13800000003,${V12},2班\n李四,13800000004,${V12},2班\n`
  const ok = await api(srv.url, 'POST', `/api/v1/campaigns/${c.id}/roster`, { auth: town1, raw: roster })
  assert.equal(ok.status, 200, ok.text)
  assert.equal(ok.json.imported, 4)
  const members = await api(srv.url, 'GET', `/api/v1/campaigns/${c.id}/roster`, { auth: town1 })
  assert.equal(members.json.total, 4)
  assert.equal(members.json.items[0].phoneMasked, '138****0001')
  assert.ok(!members.text.includes('13800000001'), 'phones are masked in the list')

  const pub = await api(srv.url, 'GET', `/api/v1/public/campaigns/${c.id}`)
  assert.equal(pub.status, 200)
  assert.equal(pub.json.open, true)
  assert.deepEqual(pub.json.scaleCodes, ['phq9', 'gad7'])
  assert.equal(pub.json.unit.code, '330499001000')

  // Two roster members of village 1 answer (one positive), one anonymous in village 2.
  const a1 = await submit(V11, { scaleCode: 'phq9', answers: phq9(2), campaignId: c.id, respondent: { name: '张一', phone: '13800000001' } })
  assert.equal(a1.status, 201, a1.text)
  assert.equal(a1.json.band, 'moderately_severe')
  assert.equal(a1.json.hidden, false)
  assert.equal(a1.json.help.unitName.length > 0, true)
  const again = await submit(V11, { scaleCode: 'gad7', answers: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((i) => [String(i), 0])), campaignId: c.id, respondent: { name: '张一', phone: '138 0000 0001' } })
  assert.equal(again.status, 201, again.text)
  assert.equal((await submit(V11, { scaleCode: 'phq9', answers: phq9(0), campaignId: c.id, respondent: { name: '张二', phone: '13800000002' } })).status, 201)
  assert.equal((await submit(V12, { scaleCode: 'phq9', answers: phq9(0), campaignId: c.id })).status, 201)
  const wrongScale = await submit(V11, { scaleCode: 'k10', answers: {}, campaignId: c.id })
  assert.equal(wrongScale.status, 422)
  const otherTown = await submit('330499002001', { scaleCode: 'phq9', answers: phq9(0), campaignId: c.id })
  assert.equal(otherTown.status, 404, 'a link unit outside the campaign is not its link')

  const stats = await api(srv.url, 'GET', `/api/v1/campaigns/${c.id}/stats`, { auth: town1 })
  assert.equal(stats.status, 200)
  assert.equal(stats.json.targetSize, 4, 'the roster replaces the declared size')
  assert.equal(stats.json.completed, 2, 'roster members who answered; one answering two scales counts once')
  assert.equal(stats.json.respondents, 3, 'the anonymous walk-in is a respondent, not coverage')
  assert.equal(stats.json.positive, 1)
  assert.equal(stats.json.coverage, 0.5)
  const byUnit = Object.fromEntries(stats.json.byUnit.map((u) => [u.unitCode, u]))
  assert.equal(byUnit[V11].completed, 2)
  assert.equal(byUnit[V11].target, 2)
  assert.equal(byUnit[V11].positiveRate, 0.5)
  assert.equal(byUnit[V12].completed, 0, 'nobody on village 2\'s roster answered')
  assert.equal(byUnit[V12].target, 2)
  const done = (await api(srv.url, 'GET', `/api/v1/campaigns/${c.id}/roster`, { auth: town1 })).json.items
  assert.deepEqual(done.map((m) => m.completed), [true, true, false, false])

  const list = await api(srv.url, 'GET', `/api/v1/campaigns?q=${encodeURIComponent('初二')}`, { auth: town1 })
  assert.equal(list.json.total, 1)
  assert.equal(list.json.items[0].completed, 2)
  assert.equal(list.json.items[0].respondents, 3)

  const xlsx = await fetch(`${srv.url}/api/v1/campaigns/${c.id}/export.xlsx`, { headers: { Authorization: `Bearer ${town1.token}` } })
  assert.equal(xlsx.status, 200)
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/)
  const bytes = Buffer.from(await xlsx.arrayBuffer())
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an .xlsx is a zip file')
  assert.ok(bytes.length > 2000)

  for (const path of [`/api/v1/campaigns/${c.id}`, `/api/v1/campaigns/${c.id}/stats`, `/api/v1/campaigns/${c.id}/roster`, `/api/v1/campaigns/${c.id}/export.xlsx`]) {
    assert.equal((await api(srv.url, 'GET', path, { auth: town2 })).status, 404, path)
  }
  assert.equal((await api(srv.url, 'GET', '/api/v1/campaigns', { auth: town2 })).json.total, 0)
  assert.equal((await api(srv.url, 'PUT', `/api/v1/campaigns/${c.id}`, { auth: town2, body: { ...campaignBody(), version: c.version } })).status, 404)
  assert.equal((await api(srv.url, 'POST', `/api/v1/campaigns/${c.id}/roster`, { auth: town2, raw: roster })).status, 404)
  assert.equal((await api(srv.url, 'DELETE', `/api/v1/campaigns/${c.id}`, { auth: town2 })).status, 404)
  const del = await api(srv.url, 'DELETE', `/api/v1/campaigns/${c.id}`, { auth: town1 })
  assert.equal(del.status, 409, 'a campaign with responses is kept')
  assert.equal(del.json.code, 'campaign_has_responses')
})

test('with a roster, walk-ins do not count as coverage, but their responses still keep the campaign', async () => {
  const c = (await api(srv.url, 'POST', '/api/v1/campaigns', { auth: v1, body: campaignBody({ unitId: v1.user.unit.id, name: '名单外作答' }) })).json
  const roster = `name,phone,unitCode\n王一,13800000011,${V11}\n`
  assert.equal((await api(srv.url, 'POST', `/api/v1/campaigns/${c.id}/roster`, { auth: v1, raw: roster })).status, 200)
  assert.equal((await submit(V11, { scaleCode: 'phq9', answers: phq9(0), campaignId: c.id })).status, 201)
  assert.equal((await submit(V11, { scaleCode: 'phq9', answers: phq9(0), campaignId: c.id, respondent: { name: '不在名单', phone: '13800000012' } })).status, 201)
  const stats = (await api(srv.url, 'GET', `/api/v1/campaigns/${c.id}/stats`, { auth: v1 })).json
  assert.deepEqual([stats.completed, stats.respondents, stats.coverage], [0, 2, 0])
  const del = await api(srv.url, 'DELETE', `/api/v1/campaigns/${c.id}`, { auth: v1 })
  assert.equal(del.status, 409, 'responses outside the roster are responses too')
})

test('a response filed with a resident of another town keeps the campaign but is not in its figures', async () => {
  const c = (await api(srv.url, 'POST', '/api/v1/campaigns', { auth: v1, body: campaignBody({ unitId: v1.user.unit.id, name: '外镇居民作答' }) })).json
  const resident = (await api(srv.url, 'GET', '/api/v1/people?pageSize=1', { auth: town2 })).json.items[0]
  const detail = (await api(srv.url, 'GET', `/api/v1/people/${resident.id}`, { auth: town2 })).json
  const r = await submit(V11, { scaleCode: 'phq9', answers: phq9(3), campaignId: c.id, respondent: { name: detail.name, phone: '13800000031', idNumber: detail.idNumber } })
  assert.equal(r.status, 201, r.text)
  assert.equal((await submit(V11, { scaleCode: 'phq9', answers: phq9(0), campaignId: c.id, respondent: { name: '本村', phone: '13800000032' } })).status, 201)
  const stats = (await api(srv.url, 'GET', `/api/v1/campaigns/${c.id}/stats`, { auth: v1 })).json
  assert.deepEqual([stats.completed, stats.positive, stats.respondents], [1, 0, 2],
    'the response filed in the other town (which the village cannot see) is not counted as covered or positive')
  assert.deepEqual(stats.byUnit.map((u) => [u.unitCode ?? u.code, u.completed]), [[V11, 1]])
  assert.equal((await api(srv.url, 'DELETE', `/api/v1/campaigns/${c.id}`, { auth: v1 })).status, 409, 'but it keeps the campaign')
})

test('an anonymous respondent who answers two scales of a campaign counts once (the visit\'s token)', async () => {
  const c = (await api(srv.url, 'POST', '/api/v1/campaigns', { auth: v1, body: campaignBody({ unitId: v1.user.unit.id, name: '两量表匿名', targetSize: 10 }) })).json
  const token = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
  const gad7 = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((i) => [String(i), 0]))
  assert.equal((await submit(V11, { scaleCode: 'phq9', answers: phq9(3), campaignId: c.id, respondentToken: token })).status, 201)
  assert.equal((await submit(V11, { scaleCode: 'gad7', answers: gad7, campaignId: c.id, respondentToken: token })).status, 201)
  assert.equal((await submit(V11, { scaleCode: 'phq9', answers: phq9(0), campaignId: c.id })).status, 201, 'the token is optional')
  const stats = (await api(srv.url, 'GET', `/api/v1/campaigns/${c.id}/stats`, { auth: v1 })).json
  assert.deepEqual([stats.completed, stats.positive, stats.respondents, stats.coverage], [2, 1, 2, 0.2],
    'two people answered (one of them positive on one of two scales), not three answers')
  const bad = await submit(V11, { scaleCode: 'phq9', answers: phq9(0), campaignId: c.id, respondentToken: 'short; DROP' })
  assert.equal(bad.status, 422)
  assert.deepEqual(bad.json.errors.map((e) => [e.field, e.code]), [['respondentToken', 'respondent_token_invalid']])
})

test('a critical answer counts as positive in the campaign\'s figures, whatever the total', async () => {
  const c = (await api(srv.url, 'POST', '/api/v1/campaigns', { auth: v1, body: campaignBody({ unitId: v1.user.unit.id, name: '危机条目计数' }) })).json
  assert.equal((await submit(V11, { scaleCode: 'phq9', answers: phq9(0, 1), campaignId: c.id, respondent: { name: '李危', phone: '13800000021' } })).status, 201)
  assert.equal((await submit(V11, { scaleCode: 'phq9', answers: phq9(0), campaignId: c.id, respondent: { name: '李安', phone: '13800000022' } })).status, 201)
  const stats = (await api(srv.url, 'GET', `/api/v1/campaigns/${c.id}/stats`, { auth: v1 })).json
  assert.deepEqual([stats.completed, stats.positive, stats.positiveRate], [2, 1, 0.5], 'total 1 with item 9 = 1 is not a negative screen')
  const listed = (await api(srv.url, 'GET', `/api/v1/campaigns/${c.id}`, { auth: v1 })).json
  assert.equal(listed.positive, 1)
})

test('a closed campaign says so and stores nothing; a hidden-result campaign shows no score', async () => {
  const closed = (await api(srv.url, 'POST', '/api/v1/campaigns', { auth: v1, body: campaignBody({ unitId: v1.user.unit.id, startsOn: '2020-01-01', endsOn: '2020-12-31' }) })).json
  assert.equal(closed.open, false)
  assert.equal((await api(srv.url, 'GET', `/api/v1/public/campaigns/${closed.id}`)).json.open, false)
  const refused = await submit(V11, { scaleCode: 'phq9', answers: phq9(3, 2), campaignId: closed.id })
  assert.equal(refused.status, 410)
  assert.equal(refused.json.code, 'campaign_closed')
  assert.equal((await api(srv.url, 'GET', `/api/v1/campaigns/${closed.id}/stats`, { auth: v1 })).json.completed, 0)

  const hidden = (await api(srv.url, 'POST', '/api/v1/campaigns', { auth: v1, body: campaignBody({ unitId: v1.user.unit.id, showResult: false }) })).json
  const openOnes = (await api(srv.url, 'GET', '/api/v1/campaigns?open=true&pageSize=100', { auth: v1 })).json
  assert.ok(openOnes.items.some((c) => c.id === hidden.id) && openOnes.items.every((c) => c.open), 'open=true lists only open campaigns')
  assert.ok(!openOnes.items.some((c) => c.id === closed.id))
  const all = (await api(srv.url, 'GET', '/api/v1/campaigns?pageSize=100', { auth: v1 })).json
  assert.equal(all.total, openOnes.total + 1, 'the closed one is in the full list')
  const r = await submit(V11, { scaleCode: 'phq9', answers: phq9(3, 1), campaignId: hidden.id })
  assert.equal(r.status, 201)
  assert.equal(r.json.hidden, true)
  assert.equal(r.json.total, undefined)
  assert.equal(r.json.band, undefined)
  assert.equal(r.json.crisis, true, 'the crisis line shows even when results are hidden')
  assert.ok(r.json.help.hotline !== undefined)
  const edited = await api(srv.url, 'PUT', `/api/v1/campaigns/${hidden.id}`, { auth: v1, body: { ...campaignBody({ name: '改名' }), version: hidden.version } })
  assert.equal(edited.status, 200, edited.text)
  assert.equal(edited.json.unitId, v1.user.unit.id, 'the unit stays')
  const stale = await api(srv.url, 'PUT', `/api/v1/campaigns/${hidden.id}`, { auth: v1, body: { ...campaignBody(), version: hidden.version } })
  assert.equal(stale.status, 409)
})

test('an identified self-assessment with a registered ID number lands in that resident\'s record', async () => {
  const person = (await api(srv.url, 'GET', '/api/v1/people?pageSize=1', { auth: v1 })).json.items[0]
  const detail = (await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v1 })).json
  const bad = await submit(V12, { scaleCode: 'phq9', answers: phq9(0), respondent: { name: '', phone: '123', idNumber: detail.idNumber.slice(0, 17) } })
  assert.equal(bad.status, 422)
  assert.deepEqual(bad.json.errors.map((e) => e.field).sort(), ['respondent.idNumber', 'respondent.name', 'respondent.phone'])
  const r = await submit(V12, { scaleCode: 'phq9', answers: phq9(3), respondent: { name: detail.name, phone: '13900000009', idNumber: detail.idNumber } })
  assert.equal(r.status, 201, r.text)
  const history = await api(srv.url, 'GET', `/api/v1/people/${person.id}/assessments`, { auth: v1 })
  assert.ok(history.json.items.some((a) => a.id === r.json.id), 'filed in the resident\'s record')
  const inbox = await api(srv.url, 'GET', '/api/v1/alerts?level=orange', { auth: v1 })
  const filed = inbox.json.items.find((a) => a.assessmentId === r.json.id)
  assert.ok(filed, 'the alert goes to the resident\'s unit, not the link\'s')
  assert.equal(filed.person.name, detail.name, 'the inbox names the registered resident')
  const caller = await submit(V12, { scaleCode: 'phq9', answers: phq9(0, 1), respondent: { name: '赵六', phone: '13900000007' } })
  assert.equal(caller.status, 201)
  const alert = (await api(srv.url, 'GET', '/api/v1/alerts?level=red', { auth: v2 })).json.items.find((a) => a.assessmentId === caller.json.id)
  assert.ok(alert, 'an unregistered respondent\'s alert goes to the link\'s unit')
  assert.ok(!JSON.stringify(alert).includes('13900000007'), 'the inbox never shows the phone')
  assert.equal(alert.respondentIdentified, true, 'the contact can be asked for')
  assert.equal(alert.person, undefined)
  const contact = await api(srv.url, 'GET', `/api/v1/alerts/${alert.id}/respondent`, { auth: v2 })
  assert.equal(contact.status, 200)
  assert.deepEqual(contact.json, { name: '赵六', phone: '13900000007' })
  assert.equal((await api(srv.url, 'GET', `/api/v1/alerts/${alert.id}/respondent`, { auth: v1 })).status, 404)
  const unknownId = idNumber(98765)
  const anon = await submit(V12, { scaleCode: 'phq9', answers: phq9(0), respondent: { name: '王五', phone: '13900000008', idNumber: unknownId } })
  assert.equal(anon.status, 201)
  assert.equal((await api(srv.url, 'GET', `/api/v1/assessments/${anon.json.id}`, { auth: v2 })).json.personId, '')
})

test('an ID number without its name files nothing in the record, and no answer tells where a resident lives', async () => {
  const person = (await api(srv.url, 'GET', '/api/v1/people?pageSize=1', { auth: v1 })).json.items[0]
  const detail = (await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v1 })).json
  const before = (await api(srv.url, 'GET', `/api/v1/people/${person.id}/assessments`, { auth: v1 })).json.total
  const stranger = await submit(V12, { scaleCode: 'phq9', answers: phq9(0, 1), respondent: { name: '冒名者', phone: '13900000006', idNumber: detail.idNumber } })
  assert.equal(stranger.status, 201, stranger.text)
  assert.equal((await api(srv.url, 'GET', `/api/v1/people/${person.id}/assessments`, { auth: v1 })).json.total, before,
    'not filed in the resident\'s record')
  assert.equal((await api(srv.url, 'GET', `/api/v1/assessments/${stranger.json.id}`, { auth: v2 })).json.personId, '',
    'kept at the link\'s village as an unregistered respondent')
  const owner = await submit(V12, { scaleCode: 'phq9', answers: phq9(0), respondent: { name: detail.name, phone: '13900000005', idNumber: detail.idNumber } })
  assert.equal(owner.status, 201)
  const unknown = await submit(V12, { scaleCode: 'phq9', answers: phq9(0), respondent: { name: '王五', phone: '13900000004', idNumber: idNumber(98764) } })
  assert.deepEqual(owner.json.help, unknown.json.help, 'a registered and an unknown ID number get the same help: the link\'s')
  assert.deepEqual(stranger.json.help, unknown.json.help)
  assert.ok(unknown.json.help.unitName, 'the link\'s village is named')
})

// The XML text of every part of an .xlsx (a zip): enough to look for a string in a sheet.
function xlsxText(bytes) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  let at = bytes.readUInt32LE(end + 16)
  let text = ''
  for (let n = bytes.readUInt16LE(end + 10); n > 0; n--) {
    const method = bytes.readUInt16LE(at + 10), size = bytes.readUInt32LE(at + 20)
    const nameLen = bytes.readUInt16LE(at + 28), extra = bytes.readUInt16LE(at + 30), comment = bytes.readUInt16LE(at + 32)
    const local = bytes.readUInt32LE(at + 42)
    const data = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
    const raw = bytes.subarray(data, data + size)
    text += (method === 8 ? inflateRawSync(raw) : raw).toString('utf8')
    at += 46 + nameLen + extra + comment
  }
  return text
}

test('the export shows a resident\'s record only while in scope, and each exported result is audited with the person', async () => {
  const c = (await api(srv.url, 'POST', '/api/v1/campaigns', { auth: v1, body: campaignBody({ unitId: v1.user.unit.id, name: '迁出测试' }) })).json
  const person = (await api(srv.url, 'GET', '/api/v1/people?pageSize=1', { auth: v1 })).json.items[0]
  const detail = (await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v1 })).json
  const r = await submit(V11, { scaleCode: 'phq9', answers: phq9(1), campaignId: c.id, respondent: { name: detail.name, phone: '13900000003', idNumber: detail.idNumber } })
  assert.equal(r.status, 201, r.text)
  const exportText = async () => xlsxText(Buffer.from(await (await fetch(`${srv.url}/api/v1/campaigns/${c.id}/export.xlsx`,
    { headers: { Authorization: `Bearer ${v1.token}` } })).arrayBuffer()))
  assert.ok((await exportText()).includes(detail.name), 'the resident is named while in the village')
  const audited = await api(srv.url, 'GET', `/api/v1/audit?personId=${person.id}&action=campaign.export`, { auth: await login(srv.url, 'admin_330499000000') })
  assert.equal(audited.json.total, 1, 'the export of the resident\'s answers is in the log with the person')
  const moved = await api(srv.url, 'PUT', `/api/v1/people/${person.id}`, { auth: town1,
    body: { ...detail, name: '迁出后改名', unitId: v2.user.unit.id } })
  assert.equal(moved.status, 200, moved.text)
  const after = await exportText()
  assert.ok(!after.includes('迁出后改名'), 'moved to the sibling village: the record\'s current name is not shown here')
  assert.ok(after.includes(detail.name), 'the name the respondent gave this campaign stays with the answer')
})

test('the QR code of a campaign link comes as SVG and PNG', async () => {
  const svg = await fetch(`${srv.url}/api/v1/public/units/${V11}/qr.svg?scale=phq9&campaign=abc123`)
  assert.equal(svg.status, 200)
  assert.match(svg.headers.get('content-type'), /image\/svg\+xml/)
  const png = await fetch(`${srv.url}/api/v1/public/units/${V11}/qr.png?scale=phq9&campaign=abc123`)
  assert.equal(png.status, 200)
  assert.equal(png.headers.get('content-type'), 'image/png')
  const bytes = Buffer.from(await png.arrayBuffer())
  assert.deepEqual([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG')
  const a = Buffer.from(await (await fetch(`${srv.url}/api/v1/public/units/${V11}/qr.png?scale=gad7`)).arrayBuffer())
  assert.notDeepEqual(a, bytes, 'the link (and so the code) differs by scale and campaign')
  assert.equal((await fetch(`${srv.url}/api/v1/public/units/${V11}/qr.png?scale=Bad!`)).status, 422)
  assert.equal((await fetch(`${srv.url}/api/v1/public/units/123/qr.png`)).status, 404)
})

// Screening end to end: a public self-assessment with a critical answer shows the crisis
// message and lands as a red alert on top of the unit's inbox; the closed loop; scope.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, api, login, personBody } from './harness.mjs'

let srv, v1, v2
const phq9 = (value, item9) => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), i === 8 ? item9 : value]))

before(async () => {
  srv = await startServer({ extraArgs: ['--login-rate-per-minute', '1000'] })
  v1 = await login(srv.url, 'counsellor_330499001001')
  v2 = await login(srv.url, 'counsellor_330499001002')
})
after(async () => { assert.equal(await srv.stop(), 0) })

test('the scale library is public and renders a form', async () => {
  const list = await api(srv.url, 'GET', '/api/v1/scales')
  assert.ok(list.json.some((s) => s.code === 'phq9' && s.itemCount === 9))
  const listed = list.json.find((s) => s.code === 'phq9')
  assert.deepEqual(listed.bands.map((b) => [b.min, b.max]), [[0, 4], [5, 9], [10, 14], [15, 19], [20, 27]], 'the list carries the bands')
  const phq = await api(srv.url, 'GET', '/api/v1/scales/phq9')
  assert.equal(phq.json.items.length, 9)
  assert.equal(phq.json.items[8].options.length, 4)
  assert.match(phq.json.instructions['zh-CN'], /两周/, 'the time frame is shown with the form')
  assert.match(phq.json.instructions.en, /2 weeks|two weeks/i)
  assert.equal((await api(srv.url, 'GET', '/api/v1/scales/nope')).status, 404)
})

test('a self-assessment with a critical answer shows the crisis line and raises a red alert on top', async () => {
  const url = '/api/v1/public/units/330499001001/assessments'
  const noConsent = await api(srv.url, 'POST', url, { body: { scaleCode: 'phq9', answers: phq9(0, 1) } })
  assert.equal(noConsent.status, 422)
  assert.equal(noConsent.json.errors[0].code, 'consent_required')
  const missing = await api(srv.url, 'POST', url, { body: { scaleCode: 'phq9', answers: { 1: 0 }, consent: true } })
  assert.equal(missing.status, 422)
  assert.ok(missing.json.errors.some((e) => e.field === 'answers.9' && e.code === 'answer_missing'))
  const yellow = await api(srv.url, 'POST', url, { body: { scaleCode: 'phq9', answers: phq9(2, 0), consent: true } })
  assert.equal(yellow.status, 201)
  assert.equal(yellow.json.crisis, false)
  // Whole scores are written as integers ("total":16), not Boost.JSON's 1.6E1.
  assert.match(yellow.text, /"total":16,"raw":16,/)
  const red = await api(srv.url, 'POST', url, { body: { scaleCode: 'phq9', answers: phq9(0, 1), consent: true } })
  assert.equal(red.status, 201, red.text)
  assert.equal(red.json.crisis, true)
  assert.match(red.json.crisisMessage['zh-CN'], /热线/)
  assert.equal(red.json.alert, undefined, 'the respondent does not see the workflow')
  const inbox = await api(srv.url, 'GET', '/api/v1/alerts', { auth: v1 })
  assert.equal(inbox.status, 200)
  assert.equal(inbox.json.counts.red, 1)
  assert.equal(inbox.json.counts.overdue, 0, "a fresh alert is not overdue")
  assert.equal(inbox.json.items[0].level, 'red', 'red is on top')
  assert.equal(inbox.json.items[0].respondentIdentified, false, 'anonymous: no contact to ask for')
  const sibling = await api(srv.url, 'GET', '/api/v1/alerts', { auth: v2 })
  assert.equal(sibling.json.total, 0)
  assert.equal((await api(srv.url, 'GET', `/api/v1/alerts/${inbox.json.items[0].id}`, { auth: v2 })).status, 404)
})

test('acknowledge and close with an outcome; the timeline records both', async () => {
  const inbox = await api(srv.url, 'GET', '/api/v1/alerts?level=red', { auth: v1 })
  const id = inbox.json.items[0].id
  assert.equal((await api(srv.url, 'POST', `/api/v1/alerts/${id}/acknowledge`, { auth: v2 })).status, 404)
  const ack = await api(srv.url, 'POST', `/api/v1/alerts/${id}/acknowledge`, { auth: v1 })
  assert.equal(ack.json.status, 'acknowledged')
  const bad = await api(srv.url, 'POST', `/api/v1/alerts/${id}/close`, { auth: v1, body: { outcome: 'whatever' } })
  assert.equal(bad.status, 422)
  const closed = await api(srv.url, 'POST', `/api/v1/alerts/${id}/close`, { auth: v1, body: { outcome: 'contacted_safe', note: '已电话回访' } })
  assert.equal(closed.json.status, 'closed')
  const detail = await api(srv.url, 'GET', `/api/v1/alerts/${id}`, { auth: v1 })
  assert.deepEqual(detail.json.timeline.map((e) => e.action), ['raised', 'acknowledged', 'closed'])
})

test('a counsellor-administered assessment of a resident is in the history; siblings get 404', async () => {
  const person = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body: personBody(v1.user.unit.id) })
  const id = person.json.id
  const r = await api(srv.url, 'POST', `/api/v1/people/${id}/assessments`, { auth: v1, body: { scaleCode: 'gad7', answers: { 1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 0, 7: 0 } } })
  assert.equal(r.status, 201, r.text)
  assert.equal(r.json.total, 15)
  assert.equal(r.json.band, 'severe')
  assert.equal(r.json.alert.level, 'orange')
  assert.equal((await api(srv.url, 'POST', `/api/v1/people/${id}/assessments`, { auth: v2, body: { scaleCode: 'gad7', answers: {} } })).status, 404)
  const history = await api(srv.url, 'GET', `/api/v1/people/${id}/assessments`, { auth: v1 })
  assert.equal(history.json.total, 1)
  assert.equal((await api(srv.url, 'GET', `/api/v1/people/${id}/assessments`, { auth: v2 })).json.total, 0)
})

test('a unit link has a printable QR code (SVG)', async () => {
  const r = await fetch(`${srv.url}/api/v1/public/units/330499001001/qr.svg?caption=${encodeURIComponent('东湖村 心理自评')}`)
  assert.equal(r.status, 200)
  assert.match(r.headers.get('content-type'), /^image\/svg\+xml/)
  const svg = await r.text()
  assert.match(svg, /^<svg /)
  assert.match(svg, /东湖村 心理自评/)
  assert.equal((await fetch(`${srv.url}/api/v1/public/units/nope/qr.svg`)).status, 404)
})

test('the result list shows a named respondent whose result raised no alert, contact masked; the contact read is audited', async () => {
  const k10 = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), 5]))
  const r = await api(srv.url, 'POST', '/api/v1/public/units/330499001001/assessments', {
    body: { scaleCode: 'k10', answers: k10, consent: true, respondent: { name: '结果列表', phone: '13900005555' } }
  })
  assert.equal(r.status, 201, r.text)
  const list = await api(srv.url, 'GET', '/api/v1/assessments?scale=k10&identified=true&concerning=true', { auth: v1 })
  assert.equal(list.status, 200)
  const row = list.json.items.find((x) => x.respondent?.name === '结果列表')
  assert.ok(row, 'listed for the village')
  assert.equal(row.respondent.phoneMasked, '139****5555')
  assert.ok(!list.text.includes('13900005555'), 'no full phone in a list')
  assert.equal(row.alertLevel, undefined, 'no rule watches K10')
  assert.ok(row.bandLabel['zh-CN'])
  const sibling = await api(srv.url, 'GET', '/api/v1/assessments?scale=k10', { auth: v2 })
  assert.ok(!sibling.json.items.some((x) => x.id === row.id), 'a sibling village does not see it')
  assert.equal((await api(srv.url, 'GET', `/api/v1/assessments/${row.id}/respondent`, { auth: v2 })).status, 404)
  const contact = await api(srv.url, 'GET', `/api/v1/assessments/${row.id}/respondent`, { auth: v1 })
  assert.deepEqual(contact.json, { name: '结果列表', phone: '13900005555' })
  const hotline = await login(srv.url, 'hotline_330499000000')
  assert.equal((await api(srv.url, 'GET', `/api/v1/assessments/${row.id}/respondent`, { auth: hotline })).status, 403)
})


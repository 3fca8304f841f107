// Warning rules as data and the alert loop around them: admins manage rules (others may only
// read), a new rule changes which results raise alerts at once, notifications reach the
// owning unit only, and an alert goes new → acknowledged → in progress → closed.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, api, login } from './harness.mjs'

let srv, admin, v1, v2
const gad7 = (v) => Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((i) => [String(i), v]))
const phq9 = (v, item9 = 0) => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), i === 8 ? item9 : v]))
const FLAGS = ['--login-rate-per-minute', '1000', '--self-assessment-rate-per-minute', '1000', '--access-log', 'false']
const selfAssess = (body) => api(srv.url, 'POST', '/api/v1/public/units/330499001001/assessments', { body: { consent: true, ...body } })

before(async () => {
  srv = await startServer({ extraArgs: FLAGS })
  admin = await login(srv.url, 'admin_330499000000')
  v1 = await login(srv.url, 'counsellor_330499001001')
  v2 = await login(srv.url, 'counsellor_330499001002')
})
after(async () => { assert.equal(await srv.stop(), 0) })

test('the shipped rules are listed strongest first; only admins change rules', async () => {
  const list = await api(srv.url, 'GET', '/api/v1/warning-rules', { auth: v1 })
  assert.equal(list.status, 200)
  assert.equal(list.json.total, 4)
  assert.deepEqual(list.json.items.map((r) => r.level), ['red', 'orange', 'orange', 'yellow'])
  const body = { name: 'GAD-7 ≥ 5', level: 'orange', scaleCode: 'gad7', minTotal: 5 }
  assert.equal((await api(srv.url, 'POST', '/api/v1/warning-rules', { auth: v1, body })).status, 403)
  const bad = await api(srv.url, 'POST', '/api/v1/warning-rules', { auth: admin, body: { name: '', level: 'purple', scaleCode: 'nope' } })
  assert.equal(bad.status, 422)
  assert.deepEqual(bad.json.errors.map((e) => `${e.field}:${e.code}`), ['name:required'])
  const level = await api(srv.url, 'POST', '/api/v1/warning-rules', { auth: admin, body: { ...body, level: 'purple' } })
  assert.deepEqual(level.json.errors.map((e) => `${e.field}:${e.code}`), ['level:level_invalid'])
  const scale = await api(srv.url, 'POST', '/api/v1/warning-rules', { auth: admin, body: { ...body, scaleCode: 'nope' } })
  assert.deepEqual(scale.json.errors.map((e) => `${e.field}:${e.code}`), ['scaleCode:scale_unknown'])
  const never = await api(srv.url, 'POST', '/api/v1/warning-rules', { auth: admin, body: { ...body, minTotal: 50, minRise: 22 } })
  assert.deepEqual(never.json.errors.map((e) => `${e.field}:${e.code}`), ['minTotal:rule_total_unreachable', 'minRise:rule_rise_unreachable'],
    'GAD-7 totals run 0–21: such a rule could never fire')
  assert.match(never.json.errors[0].message, /永远不会触发/)
  const empty = await api(srv.url, 'POST', '/api/v1/warning-rules', { auth: admin, body: { name: 'x', level: 'red' }, lang: 'en' })
  assert.equal(empty.json.errors[0].code, 'rule_without_condition')
  assert.match(empty.json.errors[0].message, /condition/)
  const tag = await api(srv.url, 'POST', '/api/v1/warning-rules', { auth: admin, body: { ...body, requiredTags: ['nope'] } })
  assert.deepEqual(tag.json.errors.map((e) => `${e.field}:${e.code}`), ['requiredTags:tag_invalid'])
  assert.equal((await api(srv.url, 'GET', '/api/v1/warning-rules', { auth: v1 })).json.total, 4, 'nothing was created')
})

test('a new rule raises alerts at once; turning it off stops them; stale edits are refused', async () => {
  const quiet = await selfAssess({ scaleCode: 'gad7', answers: gad7(1) })
  assert.equal(quiet.status, 201)
  const before = (await api(srv.url, 'GET', '/api/v1/alerts', { auth: v1 })).json.total
  assert.equal(before, 0, 'GAD-7 = 7 raises nothing under the shipped rules')
  const created = await api(srv.url, 'POST', '/api/v1/warning-rules', { auth: admin, body: { name: 'GAD-7 ≥ 5', level: 'orange', scaleCode: 'gad7', minTotal: 5 } })
  assert.equal(created.status, 201, created.text)
  const rule = created.json
  assert.equal(rule.minTotal, 5)
  assert.equal((await selfAssess({ scaleCode: 'gad7', answers: gad7(1) })).status, 201)
  const inbox = await api(srv.url, 'GET', '/api/v1/alerts', { auth: v1 })
  assert.equal(inbox.json.total, 1)
  assert.equal(inbox.json.items[0].level, 'orange')

  const off = await api(srv.url, 'PUT', `/api/v1/warning-rules/${rule.id}`, { auth: admin, body: { ...rule, active: false } })
  assert.equal(off.status, 200, off.text)
  assert.equal(off.json.active, false)
  assert.equal(off.json.version, rule.version + 1)
  const stale = await api(srv.url, 'PUT', `/api/v1/warning-rules/${rule.id}`, { auth: admin, body: { ...rule, name: 'x' } })
  assert.equal(stale.status, 409)
  assert.equal((await selfAssess({ scaleCode: 'gad7', answers: gad7(1) })).status, 201)
  assert.equal((await api(srv.url, 'GET', '/api/v1/alerts', { auth: v1 })).json.total, 1, 'an inactive rule raises nothing')
  assert.equal((await api(srv.url, 'DELETE', `/api/v1/warning-rules/${rule.id}`, { auth: v1 })).status, 403)
  assert.equal((await api(srv.url, 'DELETE', `/api/v1/warning-rules/${rule.id}`, { auth: admin })).status, 204)
  assert.equal((await api(srv.url, 'DELETE', `/api/v1/warning-rules/${rule.id}`, { auth: admin })).status, 404)
})

test('notifications reach the owning unit only, and are marked read by each user on their own', async () => {
  // A colleague in the same village: reading the notifications clears v1's bell, not theirs.
  const colleagueBody = { username: 'colleague_v1', displayName: '同村咨询员', unitId: v1.user.unit.id,
    roles: ['community_counsellor'], password: 'Colleague-Password-1' }
  assert.equal((await api(srv.url, 'POST', '/api/v1/users', { auth: admin, body: colleagueBody })).status, 201)
  const colleague = await login(srv.url, 'colleague_v1', 'Colleague-Password-1')
  const before = (await api(srv.url, 'GET', '/api/v1/notifications', { auth: v1 })).json.unread
  const colleagueBefore = (await api(srv.url, 'GET', '/api/v1/notifications', { auth: colleague })).json.unread
  const red = await selfAssess({ scaleCode: 'phq9', answers: phq9(0, 2) })
  assert.equal(red.status, 201)
  const mine = await api(srv.url, 'GET', '/api/v1/notifications?unread=true', { auth: v1 })
  assert.equal(mine.json.unread, before + 1)
  const n = mine.json.items[0]
  assert.equal(n.kind, 'alert_raised')
  assert.equal(n.level, 'red')
  assert.match(n.message['zh-CN'], /红色预警/)
  assert.doesNotMatch(n.message['zh-CN'], /小时/, 'no fixed time frame: the deadline is configurable and shows in the inbox')
  assert.match(n.message.en, /red alert/)
  assert.equal((await api(srv.url, 'GET', '/api/v1/notifications', { auth: v2 })).json.total, 0, 'the sibling village hears nothing')
  assert.equal((await api(srv.url, 'POST', `/api/v1/notifications/${n.id}/read`, { auth: v2 })).status, 404)
  assert.equal((await api(srv.url, 'POST', `/api/v1/notifications/${n.id}/read`, { auth: v1 })).status, 204)
  assert.equal((await api(srv.url, 'GET', '/api/v1/notifications', { auth: v1 })).json.unread, before)
  const theirs = await api(srv.url, 'GET', '/api/v1/notifications?unread=true', { auth: colleague })
  assert.equal(theirs.json.unread, colleagueBefore + 1, "v1's reading leaves the colleague's bell")
  assert.ok(theirs.json.items.some((x) => x.id === n.id && !x.read))
  await selfAssess({ scaleCode: 'phq9', answers: phq9(0, 1) })
  // A partner department sees no alerts, so neither their notifications nor may it clear the
  // unit's bell for the staff who must act on them.
  const partner = await login(srv.url, 'partner_330499000000')
  for (const [method, path] of [['GET', '/api/v1/notifications'], ['POST', '/api/v1/notifications/read-all'],
    ['POST', `/api/v1/notifications/${n.id}/read`]]) {
    assert.equal((await api(srv.url, method, path, { auth: partner })).status, 403, `${method} ${path}`)
  }
  assert.equal((await api(srv.url, 'POST', '/api/v1/notifications/read-all', { auth: v1 })).status, 204)
  assert.equal((await api(srv.url, 'GET', '/api/v1/notifications', { auth: v1 })).json.unread, 0)
  assert.equal((await api(srv.url, 'GET', '/api/v1/notifications', { auth: colleague })).json.unread, colleagueBefore + 2)
})

test('an unknown alert status or level is a field error, not an empty inbox', async () => {
  const typo = await api(srv.url, 'GET', '/api/v1/alerts?status=open', { auth: v1 })
  assert.equal(typo.status, 422)
  assert.deepEqual(typo.json.errors.map((e) => [e.field, e.code]), [['status', 'status_invalid']])
  const level = await api(srv.url, 'GET', '/api/v1/alerts?level=purple', { auth: v1 })
  assert.equal(level.status, 422)
  assert.equal(level.json.errors[0].field, 'level')
  assert.equal((await api(srv.url, 'GET', '/api/v1/alerts?status=all&level=red', { auth: v1 })).status, 200)
})

test('an alert goes new → acknowledged → in progress → closed, and its result opens as a report', async () => {
  const red = await selfAssess({ scaleCode: 'phq9', answers: phq9(1, 3) })
  const alert = (await api(srv.url, 'GET', '/api/v1/alerts?level=red', { auth: v1 })).json.items.find((a) => a.assessmentId === red.json.id)
  assert.ok(alert)
  const early = await api(srv.url, 'POST', `/api/v1/alerts/${alert.id}/start`, { auth: v1 })
  assert.equal(early.status, 409, 'a new alert is acknowledged before work starts')
  assert.equal(early.json.code, 'alert_state')
  assert.equal((await api(srv.url, 'POST', `/api/v1/alerts/${alert.id}/acknowledge`, { auth: v1 })).json.status, 'acknowledged')
  assert.equal((await api(srv.url, 'POST', `/api/v1/alerts/${alert.id}/start`, { auth: v2 })).status, 404)
  assert.equal((await api(srv.url, 'POST', `/api/v1/alerts/${alert.id}/start`, { auth: v1 })).json.status, 'in_progress')
  const closed = await api(srv.url, 'POST', `/api/v1/alerts/${alert.id}/close`, { auth: v1, body: { outcome: 'referred', note: '转介精神专科' } })
  assert.equal(closed.json.status, 'closed')
  const detail = await api(srv.url, 'GET', `/api/v1/alerts/${alert.id}`, { auth: v1 })
  assert.deepEqual(detail.json.timeline.map((e) => e.action), ['raised', 'acknowledged', 'started', 'closed'])

  const report = await api(srv.url, 'GET', `/api/v1/assessments/${red.json.id}`, { auth: v1 })
  assert.equal(report.status, 200)
  assert.equal(report.json.total, 11)
  assert.equal(report.json.answers.length, 9)
  assert.equal(report.json.answers[8].value, 3)
  assert.ok(report.json.answers[8].label['zh-CN'])
  assert.deepEqual(report.json.criticalItems, ['9'])
  assert.ok(report.json.bands.length >= 5)
  assert.equal(report.json.scale.code, 'phq9')
  assert.equal((await api(srv.url, 'GET', `/api/v1/assessments/${red.json.id}`, { auth: v2 })).status, 404)
  const audit = await api(srv.url, 'GET', `/api/v1/audit?action=assessment.read`, { auth: admin })
  assert.ok(audit.json.items.some((e) => e.objectId === red.json.id), 'the report read is audited')
})

test('a rule with a total at most alerts on low WHO-5 totals; empty bands and unreachable bounds are refused', async () => {
  const who5 = (v) => Object.fromEntries(Array.from({ length: 5 }, (_, i) => [String(i + 1), v]))
  const body = { name: 'WHO-5 ≤ 28', level: 'orange', scaleCode: 'who5', maxTotal: 28 }
  const band = await api(srv.url, 'POST', '/api/v1/warning-rules', { auth: admin, body: { ...body, minTotal: 60, maxTotal: 50 } })
  assert.equal(band.status, 422)
  assert.deepEqual(band.json.errors.map((e) => `${e.field}:${e.code}`), ['maxTotal:rule_total_band_empty'])
  const below = await api(srv.url, 'POST', '/api/v1/warning-rules', { auth: admin, body: { ...body, maxTotal: -4 }, lang: 'en' })
  assert.deepEqual(below.json.errors.map((e) => `${e.field}:${e.code}`), ['maxTotal:rule_total_below_lowest'])
  assert.match(below.json.errors[0].message, /lowest total/)
  const created = await api(srv.url, 'POST', '/api/v1/warning-rules', { auth: admin, body })
  assert.equal(created.status, 201, created.text)
  assert.equal(created.json.maxTotal, 28)
  assert.equal(created.json.minTotal, null)
  try {
    const who5Alerts = async () => (await api(srv.url, 'GET', '/api/v1/alerts?level=orange&pageSize=100', { auth: v1 }))
      .json.items.filter((a) => a.scaleCode === 'who5').length
    assert.equal((await selfAssess({ scaleCode: 'who5', answers: who5(4) })).status, 201)
    assert.equal(await who5Alerts(), 0, 'WHO-5 = 80 is good wellbeing: no alert')
    assert.equal((await selfAssess({ scaleCode: 'who5', answers: who5(1) })).status, 201)
    assert.equal(await who5Alerts(), 1, 'WHO-5 = 20 raises the rule\'s orange alert')
  } finally {
    assert.equal((await api(srv.url, 'DELETE', `/api/v1/warning-rules/${created.json.id}`, { auth: admin })).status, 204)
  }
})

// Data scope: a user sees the own unit and below, never a sibling, on every people route.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, api, login, personBody } from './harness.mjs'

let srv, v1, v2, town1, town2, admin, person
before(async () => {
  srv = await startServer({ extraArgs: ['--login-rate-per-minute', '1000'] })
  v1 = await login(srv.url, 'counsellor_330499001001')
  v2 = await login(srv.url, 'counsellor_330499001002')
  town1 = await login(srv.url, 'station_330499001000')
  town2 = await login(srv.url, 'station_330499002000')
  admin = await login(srv.url, 'admin_330499000000')
  const r = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body: personBody(v1.user.unit.id, { name: '范围测试甲' }) })
  assert.equal(r.status, 201, r.text)
  assert.equal(r.headers.get('location'), `/api/v1/people/${r.json.id}`)
  person = r.json
})
after(async () => { assert.equal(await srv.stop(), 0) })

test('the owner village and its town read the record; the sibling village gets 404', async () => {
  assert.equal((await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v1 })).status, 200)
  assert.equal((await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: town1 })).status, 200)
  assert.equal((await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: admin })).status, 200)
  for (const who of [v2, town2]) {
    const r = await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: who })
    assert.equal(r.status, 404)
    assert.equal(r.json.code, 'not_found')
    assert.equal(r.json.idNumber, undefined)
  }
  const unknown = await api(srv.url, 'GET', '/api/v1/people/no-such-person', { auth: v1 })
  assert.equal(unknown.status, 404, 'an id that does not exist looks the same as one out of scope')
  assert.equal(unknown.json.code, 'not_found')
})

test('the sibling village and another town cannot update it (404), even moving it to their own unit', async () => {
  const detail = (await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v1 })).json
  const attempts = [
    [v2, { ...detail, unitId: detail.unit.id, name: '被改名', version: detail.version }],
    [v2, { ...detail, unitId: v2.user.unit.id, name: '被改名', version: detail.version }],
    [town2, { ...detail, unitId: town2.user.unit.id, name: '被改名', version: detail.version }]
  ]
  for (const [who, body] of attempts) {
    const r = await api(srv.url, 'PUT', `/api/v1/people/${person.id}`, { auth: who, body })
    assert.equal(r.status, 404, `${who.user.username} -> ${body.unitId}`)
    assert.equal(r.json.code, 'not_found')
  }
  const again = (await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v1 })).json
  assert.equal(again.name, '范围测试甲')
  assert.equal(again.unit.id, detail.unit.id)
  assert.equal(again.version, detail.version)
})

test('lists and ID search show it to its village, town and district, never to the sibling or another town', async () => {
  const detail = (await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v1 })).json
  for (const q of [`?q=${encodeURIComponent('范围测试')}`, `?idNumber=${detail.idNumber}`]) {
    for (const who of [v1, town1, admin]) {
      const r = await api(srv.url, 'GET', `/api/v1/people${q}`, { auth: who })
      assert.equal(r.json.total, 1, `${who.user.username} ${q}`)
      assert.equal(r.json.items[0].id, person.id)
    }
    for (const who of [v2, town2]) {
      const r = await api(srv.url, 'GET', `/api/v1/people${q}`, { auth: who })
      assert.equal(r.status, 200)
      assert.equal(r.json.total, 0, `${who.user.username} ${q}`)
      assert.deepEqual(r.json.items, [])
    }
  }
  for (const who of [v2, town2]) {
    const all = await api(srv.url, 'GET', '/api/v1/people?pageSize=200', { auth: who })
    assert.ok(all.json.total < 200, 'one page holds the whole unfiltered list')
    assert.ok(!all.json.items.some((x) => x.id === person.id), `${who.user.username} unfiltered list`)
    const prefix = who === v2 ? '330499001002' : '330499002'
    for (const x of all.json.items) assert.ok(x.unit.code.startsWith(prefix), `${x.unit.code} in ${who.user.username}'s list`)
  }
  const byUnit = await api(srv.url, 'GET', `/api/v1/people?unitId=${v1.user.unit.id}`, { auth: v2 })
  assert.equal(byUnit.status, 422, 'filtering by a sibling unit is refused')
  const townByUnit = await api(srv.url, 'GET', `/api/v1/people?unitId=${v1.user.unit.id}`, { auth: town1 })
  assert.ok(townByUnit.json.items.some((x) => x.id === person.id), 'the town may filter by its village')
})

test('the sibling cannot create a person in the other village', async () => {
  const r = await api(srv.url, 'POST', '/api/v1/people', { auth: v2, body: personBody(v1.user.unit.id) })
  assert.equal(r.status, 422)
  assert.equal(r.json.errors[0].field, 'unitId')
  assert.equal(r.json.errors[0].code, 'unit_not_found')
})

test('lists mask identifiers; the detail read is audited', async () => {
  const list = await api(srv.url, 'GET', `/api/v1/people?q=${encodeURIComponent('范围测试')}`, { auth: v1 })
  const item = list.json.items[0]
  assert.match(item.idNumberMasked, /^3304\*{10}[0-9X]{4}$/)
  assert.equal(item.idNumber, undefined)
  assert.equal(item.birthDate, undefined, 'the date is digits 7-14 of the ID number: with the mask it would give the whole number')
  assert.equal(typeof item.birthYear, 'number')
  const detail = (await api(srv.url, 'GET', `/api/v1/people/${item.id}`, { auth: v1 })).json
  assert.equal(String(item.birthYear), detail.birthDate.slice(0, 4), 'the audited detail has the date')
  assert.equal(item.phoneMasked, '138****1111')
  const before = await api(srv.url, 'GET', `/api/v1/audit?action=person.read&personId=${person.id}`, { auth: admin })
  await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: town1 })
  const after = await api(srv.url, 'GET', `/api/v1/audit?action=person.read&personId=${person.id}`, { auth: admin })
  assert.equal(after.json.total, before.json.total + 1)
  assert.equal(after.json.items[0].actorUsername, 'station_330499001000')
})

test('break-glass opens the record read-only for the sibling, with a reason, listed for the admin', async () => {
  const detail = (await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v1 })).json
  const nobody = await api(srv.url, 'POST', '/api/v1/people/break-glass', { auth: v2, body: { idNumber: '11010519491231002X', reason: '热线来电自述危机，需核实既往记录' } })
  assert.equal(nobody.status, 404)
  assert.deepEqual(nobody.json.errors.map((e) => [e.field, e.code]), [['idNumber', 'id_number_unknown']])
  assert.match(nobody.json.errors[0].message, /没有登记该身份证号/, 'not "outside your scope": break-glass is the way across it')
  const short = await api(srv.url, 'POST', '/api/v1/people/break-glass', { auth: v2, body: { idNumber: detail.idNumber, reason: '太短' } })
  assert.equal(short.status, 422)
  assert.equal(short.json.errors[0].code, 'reason_too_short')
  const g = await api(srv.url, 'POST', '/api/v1/people/break-glass', { auth: v2, body: { idNumber: detail.idNumber, reason: '热线来电自述危机，需核实既往记录' } })
  assert.equal(g.status, 201, g.text)
  assert.equal(g.json.personId, person.id)
  const read = await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v2 })
  assert.equal(read.status, 200)
  assert.equal(read.json.viaBreakGlass, true)
  const put = await api(srv.url, 'PUT', `/api/v1/people/${person.id}`, { auth: v2, body: { ...detail, unitId: detail.unit.id } })
  assert.equal(put.status, 404, 'break-glass is read-only')
  assert.equal((await api(srv.url, 'GET', '/api/v1/break-glass', { auth: v2 })).status, 403)
  const grants = await api(srv.url, 'GET', '/api/v1/break-glass', { auth: admin })
  const grant = grants.json.items.find((x) => x.personId === person.id && x.username === 'counsellor_330499001002')
  assert.ok(grant)
  assert.equal(grant.personName, detail.name, 'the log names the resident')
  assert.ok(grant.personUnitName.length > 0)
})

test('the audit log and the break-glass list are scoped: an admin of another town sees neither', async () => {
  const body = { username: 'admin_town2_scope', displayName: '二镇管理员', unitId: town2.user.unit.id, roles: ['district_admin'], password: 'Scope-Admin-Password-1' }
  assert.equal((await api(srv.url, 'POST', '/api/v1/users', { auth: admin, body })).status, 201)
  const other = await login(srv.url, body.username, body.password)
  const grant = await api(srv.url, 'POST', '/api/v1/people/break-glass', { auth: v2, body: { idNumber: (await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v1 })).json.idNumber, reason: '热线来电自述危机，需核实既往记录' } })
  assert.equal(grant.status, 201, grant.text)
  const about = (auth) => api(srv.url, 'GET', `/api/v1/audit?personId=${person.id}&pageSize=200`, { auth })
  const district = await about(admin)
  assert.ok(district.json.items.some((e) => e.action === 'person.create'), 'the district sees the events about its resident')
  assert.ok(district.json.items.some((e) => e.action === 'person.break_glass'))
  const elsewhere = await about(other)
  assert.equal(elsewhere.status, 200)
  assert.equal(elsewhere.json.total, 0, 'nothing about a resident of another town')
  const all = await api(srv.url, 'GET', '/api/v1/audit?pageSize=200', { auth: other })
  assert.ok(all.json.items.length > 0, 'its own sign-in at least')
  const outside = [v1.user.unit.id, v2.user.unit.id, town1.user.unit.id, admin.user.unit.id]
  assert.deepEqual(all.json.items.filter((e) => outside.includes(e.actorUnitId)), [], 'no events of other towns\' or the district\'s users')
  assert.ok(all.json.items.some((e) => e.actorUsername === body.username && e.action === 'auth.login'))
  assert.ok(all.json.items.every((e) => e.actorUnitId !== '' || e.personId !== ''), 'no unattributed system events below the district')
  assert.ok((await api(srv.url, 'GET', '/api/v1/break-glass', { auth: admin })).json.items.some((g) => g.username === 'counsellor_330499001002'))
  const grants = await api(srv.url, 'GET', '/api/v1/break-glass', { auth: other })
  assert.equal(grants.status, 200)
  assert.equal(grants.json.total, 0, 'a grant of another town\'s user is not listed')
})

test('a town\'s own administrator manages its users, but not the district\'s warning rules', async () => {
  const other = await login(srv.url, 'admin_town2_scope', 'Scope-Admin-Password-1')
  assert.ok(!other.user.permissions.includes('rules.manage'), 'the rules page is not offered')
  assert.ok(other.user.permissions.includes('users.manage'))
  const rules = await api(srv.url, 'GET', '/api/v1/warning-rules', { auth: other })
  assert.equal(rules.status, 200, 'it may read them')
  const rule = rules.json.items[0]
  const put = await api(srv.url, 'PUT', `/api/v1/warning-rules/${rule.id}`, { auth: other, body: { ...rule, active: false } })
  assert.deepEqual([put.status, put.json.code], [403, 'rules_district_only'])
  assert.equal((await api(srv.url, 'DELETE', `/api/v1/warning-rules/${rule.id}`, { auth: other })).status, 403)
  assert.equal((await api(srv.url, 'POST', '/api/v1/warning-rules', { auth: other, body: { name: 'x', level: 'red', minTotal: 1 } })).status, 403)
  const after = (await api(srv.url, 'GET', '/api/v1/warning-rules', { auth: admin })).json.items.find((r) => r.id === rule.id)
  assert.equal(after.active, rule.active, 'the rule is unchanged')
  assert.ok(admin.user.permissions.includes('rules.manage'), 'the district\'s administrator keeps it')
})

test('an administrator cannot lock themselves out: no self-deactivation, no dropping their own user administration', async () => {
  const me = admin.user
  const version = async () => (await api(srv.url, 'GET', `/api/v1/users/${me.id}`, { auth: admin })).json.version
  const put = async (body) => api(srv.url, 'PUT', `/api/v1/users/${me.id}`, { auth: admin, body: { displayName: me.displayName, roles: me.roles, active: true, version: await version(), ...body } })
  const off = await put({ active: false })
  assert.deepEqual([off.status, off.json.errors?.[0]?.field, off.json.errors?.[0]?.code], [422, 'active', 'cannot_deactivate_self'])
  const demoted = await put({ roles: ['community_counsellor'] })
  assert.deepEqual([demoted.status, demoted.json.errors?.[0]?.field, demoted.json.errors?.[0]?.code], [422, 'roles', 'cannot_drop_own_admin'])
  assert.equal((await api(srv.url, 'GET', '/api/v1/auth/me', { auth: admin })).status, 200, 'still signed in')
  const v = await version()
  assert.equal((await put({ displayName: '区管理员', version: v })).status, 200, 'other changes to oneself are fine')
  const stale = await put({ displayName: '旧表单', version: v })
  assert.deepEqual([stale.status, stale.json.code], [409, 'version_conflict'], 'a form loaded before another change')
  const bad = await api(srv.url, 'POST', '/api/v1/users', { auth: admin, body: { username: 'x'.repeat(65), displayName: '太长', unitId: me.unit.id, roles: ['partner_department'], password: 'Long-Username-1' } })
  assert.deepEqual([bad.status, bad.json.errors?.[0]?.field, bad.json.errors?.[0]?.code], [422, 'username', 'username_invalid'])
})

test('org units and users are scoped too', async () => {
  const sibling = await api(srv.url, 'GET', `/api/v1/org/units/${v1.user.unit.id}`, { auth: v2 })
  assert.equal(sibling.status, 404)
  assert.equal((await api(srv.url, 'GET', `/api/v1/org/units/${v1.user.unit.id}`, { auth: town1 })).status, 200)
  const tree = await api(srv.url, 'GET', '/api/v1/org/units/tree', { auth: town1 })
  assert.equal(tree.json.length, 1)
  assert.equal(tree.json[0].code, '330499001000')
  assert.equal(tree.json[0].children.length, 9)
  assert.equal((await api(srv.url, 'GET', '/api/v1/users', { auth: town1 })).status, 403, 'station staff may not manage users')
  assert.equal((await api(srv.url, 'POST', '/api/v1/org/units', { auth: town1, body: {} })).status, 403)
  const users = await api(srv.url, 'GET', '/api/v1/users?q=counsellor_330499001001', { auth: admin })
  assert.equal(users.json.total, 1)
})

test('org units import from CSV for district admins only, all or nothing, errors by line in both languages', async () => {
  const csv = (...rows) => ['code,name,level,parent_code,hotline', ...rows].join('\n') + '\n'
  const post = (auth, raw, lang) => api(srv.url, 'POST', '/api/v1/org/units/import', { auth, raw, lang, headers: { 'Content-Type': 'text/csv' } })
  assert.equal((await post(town1, csv('330499001020,试点村,village,330499001000,'))).status, 403, 'station staff may not import')
  const bad = await post(admin, csv('330499001020,试点村,village,330499001000,', '330499001021,坏村,village,330499002000,', '330499009000,新区,district,,'), 'en')
  assert.equal(bad.status, 422, bad.text)
  assert.deepEqual(bad.json.errors.map((e) => `${e.field}:${e.code}`), ['line 3: code:code_parent_mismatch', 'line 4: parentCode:parent_required'])
  assert.match(bad.json.errors[1].message, /parent/i)
  assert.equal((await api(srv.url, 'GET', '/api/v1/org/units?q=试点村', { auth: admin })).json.total, 0, 'nothing imported')
  assert.equal((await post(admin, csv())).json.errors[0].code, 'import_empty')
  const good = await post(admin, csv('330499001020,试点村,village,330499001000,0573-12345678'))
  assert.equal(good.status, 200, good.text)
  assert.equal(good.json.imported, 1)
  const made = (await api(srv.url, 'GET', '/api/v1/org/units?q=试点村', { auth: town1 })).json
  assert.equal(made.items[0].hotline, '0573-12345678')
  assert.equal((await api(srv.url, 'GET', '/api/v1/org/units?q=试点村', { auth: town2 })).json.total, 0, 'another town does not see it')
  const audit = await api(srv.url, 'GET', '/api/v1/audit?action=org_unit.create&pageSize=1', { auth: admin })
  assert.equal(audit.json.items[0].objectId, made.items[0].id, 'the import is audited per unit')
  // Deactivated, the unit takes no new users or residents.
  const unit = made.items[0]
  const off = await api(srv.url, 'PUT', `/api/v1/org/units/${unit.id}`, { auth: admin, body: { name: unit.name, active: false, hotline: unit.hotline, version: unit.version } })
  assert.equal(off.status, 200, off.text)
  const user = await api(srv.url, 'POST', '/api/v1/users', { auth: admin, body: { username: 'counsellor_inactive', displayName: '停用村', unitId: unit.id, roles: ['community_counsellor'], password: 'Inactive-Unit-1' } })
  assert.deepEqual([user.status, user.json.errors?.[0]?.field, user.json.errors?.[0]?.code], [422, 'unitId', 'unit_inactive'])
  const person = await api(srv.url, 'POST', '/api/v1/people', { auth: town1, body: personBody(unit.id, { name: '停用村居民' }) })
  assert.deepEqual([person.status, person.json.errors?.[0]?.code], [422, 'unit_inactive'])
  const campaign = await api(srv.url, 'POST', '/api/v1/campaigns', { auth: admin, body: { name: '停用村普查', unitId: unit.id, scaleCodes: ['phq9'], startsOn: '2020-01-01', endsOn: '2099-12-31' } })
  assert.deepEqual([campaign.status, campaign.json.errors?.[0]?.code], [422, 'unit_inactive'])
})

test('stale updates conflict with 409', async () => {
  const detail = (await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v1 })).json
  const body = { ...detail, unitId: detail.unit.id, address: '新地址' }
  assert.equal((await api(srv.url, 'PUT', `/api/v1/people/${person.id}`, { auth: v1, body })).status, 200)
  const stale = await api(srv.url, 'PUT', `/api/v1/people/${person.id}`, { auth: v1, body })
  assert.equal(stale.status, 409)
  assert.equal(stale.json.code, 'version_conflict')
})

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
after(async () => { await srv.stop() })

test('the owner village and its town read the record; the sibling village gets 404', async () => {
  assert.equal((await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v1 })).status, 200)
  assert.equal((await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: town1 })).status, 200)
  for (const who of [v2, town2]) {
    const r = await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: who })
    assert.equal(r.status, 404)
    assert.equal(r.json.code, 'not_found')
  }
})

test('the sibling cannot update it (404) and nothing changes', async () => {
  const detail = (await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v1 })).json
  const body = { ...detail, unitId: detail.unit.id, name: '被改名', version: detail.version }
  const r = await api(srv.url, 'PUT', `/api/v1/people/${person.id}`, { auth: v2, body })
  assert.equal(r.status, 404)
  const again = (await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v1 })).json
  assert.equal(again.name, '范围测试甲')
  assert.equal(again.version, detail.version)
})

test('lists and ID search never show it to the sibling', async () => {
  const detail = (await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v1 })).json
  for (const q of [`?q=${encodeURIComponent('范围测试')}`, `?idNumber=${detail.idNumber}`]) {
    const mine = await api(srv.url, 'GET', `/api/v1/people${q}`, { auth: v1 })
    assert.equal(mine.json.total, 1, q)
    const sibling = await api(srv.url, 'GET', `/api/v1/people${q}`, { auth: v2 })
    assert.equal(sibling.json.total, 0, q)
    const otherTown = await api(srv.url, 'GET', `/api/v1/people${q}`, { auth: town2 })
    assert.equal(otherTown.json.total, 0, q)
  }
  const byUnit = await api(srv.url, 'GET', `/api/v1/people?unitId=${v1.user.unit.id}`, { auth: v2 })
  assert.equal(byUnit.status, 422, 'filtering by a sibling unit is refused')
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
  assert.equal(item.phoneMasked, '138****1111')
  const before = await api(srv.url, 'GET', `/api/v1/audit?action=person.read&personId=${person.id}`, { auth: admin })
  await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: town1 })
  const after = await api(srv.url, 'GET', `/api/v1/audit?action=person.read&personId=${person.id}`, { auth: admin })
  assert.equal(after.json.total, before.json.total + 1)
  assert.equal(after.json.items[0].actorUsername, 'station_330499001000')
})

test('break-glass opens the record read-only for the sibling, with a reason, listed for the admin', async () => {
  const detail = (await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v1 })).json
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
  assert.ok(grants.json.items.some((x) => x.personId === person.id && x.username === 'counsellor_330499001002'))
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

test('stale updates conflict with 409', async () => {
  const detail = (await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: v1 })).json
  const body = { ...detail, unitId: detail.unit.id, address: '新地址' }
  assert.equal((await api(srv.url, 'PUT', `/api/v1/people/${person.id}`, { auth: v1, body })).status, 200)
  const stale = await api(srv.url, 'PUT', `/api/v1/people/${person.id}`, { auth: v1, body })
  assert.equal(stale.status, 409)
  assert.equal(stale.json.code, 'version_conflict')
})

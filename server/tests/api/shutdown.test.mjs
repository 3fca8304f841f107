// Graceful shutdown under load: SIGTERM while creates are in flight ends with exit code 0 within
// a few seconds, and every create that was answered 201 is there after a restart.
// (A request whose body is still arriving at SIGTERM is not yet answered: see the issue 2 note.)
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, api, login, personBody } from './harness.mjs'

const FLAGS = ['--access-log', 'false', '--login-rate-per-minute', '1000']

test('SIGTERM under concurrent writes drains them and exits 0', { timeout: 60000 }, async () => {
  const srv = await startServer({ residents: 5, extraArgs: FLAGS })
  const auth = await login(srv.url, 'counsellor_330499001001')
  const acknowledged = []
  const statuses = {}
  let stopping = false
  const client = async () => {
    while (!stopping || acknowledged.length === 0) {
      const body = personBody(auth.user.unit.id)
      let r
      try { r = await api(srv.url, 'POST', '/api/v1/people', { auth: { token: auth.token }, body }) } catch { return }
      statuses[r.status] = (statuses[r.status] || 0) + 1
      if (r.status === 201) acknowledged.push({ id: r.json.id, idNumber: body.idNumber })
      if (stopping) return
    }
  }
  const clients = Array.from({ length: 16 }, client)
  await new Promise((r) => setTimeout(r, 400))
  stopping = true
  const started = Date.now()
  const code = await srv.stop({ keepData: true })
  await Promise.all(clients)
  assert.equal(code, 0, `exit code after SIGTERM; log:\n${srv.log().slice(-2000)}`)
  assert.ok(Date.now() - started < 10000, 'stopped within 10 s')
  assert.match(srv.log(), /stopped cleanly/)
  assert.ok(acknowledged.length > 0)
  for (const s of Object.keys(statuses)) assert.ok(s === '201' || s === '503', `unexpected status ${s}: ${JSON.stringify(statuses)}`)

  const again = await startServer({ dir: srv.dir, db: srv.db, seed: false, extraArgs: FLAGS })
  const auth2 = await login(again.url, 'counsellor_330499001001')
  const missing = []
  for (const a of acknowledged) {
    const r = await api(again.url, 'GET', `/api/v1/people/${a.id}`, { auth: { token: auth2.token } })
    if (r.status !== 200 || r.json.idNumber !== a.idNumber) missing.push(`${a.id}: ${r.status}`)
  }
  assert.deepEqual(missing.slice(0, 10), [], `every acknowledged create of ${acknowledged.length} is present`)
  assert.equal(await again.stop(), 0)
})

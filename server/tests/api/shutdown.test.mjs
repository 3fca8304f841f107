// Graceful shutdown under load: SIGTERM while creates are in flight ends with exit code 0 within
// a few seconds, and every create that was answered 201 is there after a restart.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import net from 'node:net'
import { existsSync, rmSync } from 'node:fs'
import { startServer, api, login, personBody } from './harness.mjs'

const FLAGS = ['--access-log', 'false', '--login-rate-per-minute', '1000']

test('a request in flight at SIGTERM is still answered, then the server exits 0 promptly', { timeout: 30000 }, async () => {
  const srv = await startServer({ residents: 5, extraArgs: FLAGS })
  const auth = await login(srv.url, 'counsellor_330499001001')
  const sock = net.connect(srv.port, '127.0.0.1')
  await new Promise((r) => sock.once('connect', r))
  let received = ''
  sock.on('data', (d) => { received += d })
  sock.on('error', () => {})
  const body = JSON.stringify(personBody(auth.user.unit.id))
  // The header now, the body after the signal: the request is in flight when SIGTERM arrives.
  sock.write(`POST /api/v1/people HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${auth.token}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`)
  await new Promise((r) => setTimeout(r, 200))
  srv.proc.kill('SIGTERM')
  await new Promise((r) => setTimeout(r, 200))
  sock.write(body)
  const started = Date.now()
  const code = await srv.stop({ keepData: false })
  const took = Date.now() - started
  sock.destroy()
  assert.match(received, /^HTTP\/1\.1 201/, `the in-flight create was answered (got ${JSON.stringify(received.slice(0, 40))})`)
  assert.match(received, /\r\nconnection: close\r\n/i, 'and the connection is closed after it')
  assert.equal(code, 0)
  assert.ok(took < 3000, `exited ${took} ms after the last byte (should not wait for a timeout)`)
})

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

test('a server whose data key file is missing refuses to start instead of making a new key', { timeout: 30000 }, async () => {
  const srv = await startServer({ residents: 3, extraArgs: FLAGS })
  assert.equal(await srv.stop({ keepData: true }), 0)
  rmSync(`${srv.dir}/k.key`)
  await assert.rejects(startServer({ dir: srv.dir, db: srv.db, seed: false, extraArgs: FLAGS }),
    /data key file .* is missing, but the database holds ID numbers and phones/)
  assert.equal(existsSync(`${srv.dir}/k.key`), false, 'no new key was written')
  srv.discard()
})

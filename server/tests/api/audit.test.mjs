// The audit chain end to end: API verification, tamper detection by `xinan verify-audit`,
// and (PostgreSQL) two instances writing to one chain.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { startServer, api, login, personBody, ENGINE, BIN } from './harness.mjs'

test('verify-audit passes on a clean chain and names the tampered row', async () => {
  const srv = await startServer({ extraArgs: ['--login-rate-per-minute', '1000'] })
  const v1 = await login(srv.url, 'counsellor_330499001001')
  const admin = await login(srv.url, 'admin_330499000000')
  for (let i = 0; i < 5; i++) {
    assert.equal((await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body: personBody(v1.user.unit.id) })).status, 201)
  }
  const ok = await api(srv.url, 'GET', '/api/v1/audit/verify', { auth: admin })
  assert.equal(ok.json.ok, true)
  assert.ok(ok.json.rows > 5)
  assert.equal((await api(srv.url, 'GET', '/api/v1/audit/verify', { auth: v1 })).status, 403)
  assert.equal(await srv.stop({ keepData: true }), 0)

  const clean = spawnSync(BIN, ['verify-audit'], { env: { ...process.env, ...srv.env }, encoding: 'utf8' })
  assert.equal(clean.status, 0, clean.stdout + clean.stderr)
  assert.match(clean.stdout, /audit chain ok/)
  const sql = "UPDATE audit_log SET action = 'person.nothing' WHERE seq = 3"
  if (ENGINE === 'postgres') execFileSync('psql', [srv.db.url, '-qc', sql])
  else execFileSync('sqlite3', [srv.db.file, sql])
  const broken = spawnSync(BIN, ['verify-audit'], { env: { ...process.env, ...srv.env }, encoding: 'utf8' })
  assert.equal(broken.status, 2)
  assert.match(broken.stdout, /BROKEN at seq 3/)
  srv.db.drop()
})

test('two instances on one PostgreSQL database keep one valid chain', { skip: ENGINE !== 'postgres' }, async () => {
  const a = await startServer({ extraArgs: ['--login-rate-per-minute', '1000'] })
  const b = await startServer({ db: a.db, dir: a.dir, seed: false, extraArgs: ['--login-rate-per-minute', '1000'] })
  const sa = await login(a.url, 'counsellor_330499001001')
  const sb = await login(b.url, 'counsellor_330499001001')
  const jobs = []
  for (let i = 0; i < 200; i++) {
    const [url, s] = i % 2 ? [a.url, sa] : [b.url, sb]
    jobs.push(api(url, 'POST', '/api/v1/people', { auth: s, body: personBody(s.user.unit.id) }))
  }
  const results = await Promise.all(jobs)
  assert.equal(results.filter((r) => r.status === 201).length, 200)
  assert.equal(await b.stop({ keepData: true }), 0)
  assert.equal(await a.stop({ keepData: true }), 0)
  const v = spawnSync(BIN, ['verify-audit'], { env: { ...process.env, ...a.env }, encoding: 'utf8' })
  assert.equal(v.status, 0, v.stdout + v.stderr)
  const rows = Number(v.stdout.match(/(\d+) rows/)[1])
  assert.ok(rows >= 200 + 2, `chain has ${rows} rows`)
  a.db.drop()
})

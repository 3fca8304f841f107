// The audit chain end to end: rows for writes and detail reads, API verification, tamper
// detection by `xinan verify-audit` and the API, and (PostgreSQL) two instances on one chain.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { startServer, api, login, personBody, sql, ENGINE, BIN } from './harness.mjs'

const FLAGS = ['--login-rate-per-minute', '1000', '--access-log', 'false']

function verifyAudit(env, ...args) {
  return spawnSync(BIN, ['verify-audit', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' })
}

test('writes and detail reads are audited; verify-audit names a tampered row; so does the API', { timeout: 60000 }, async () => {
  const srv = await startServer({ extraArgs: FLAGS })
  const v1 = await login(srv.url, 'counsellor_330499001001')
  const admin = await login(srv.url, 'admin_330499000000')
  const ids = []
  for (let i = 0; i < 5; i++) {
    const r = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body: personBody(v1.user.unit.id) })
    assert.equal(r.status, 201)
    ids.push(r.json.id)
  }
  const created = await api(srv.url, 'GET', `/api/v1/audit?action=person.create&personId=${ids[0]}`, { auth: admin })
  assert.equal(created.json.total, 1, 'the create is audited with its person')
  assert.equal(created.json.items[0].actorUsername, 'counsellor_330499001001')
  const none = await api(srv.url, 'GET', `/api/v1/audit?action=person.read&personId=${ids[1]}`, { auth: admin })
  assert.equal(none.json.total, 0, 'a list is not a detail read')
  assert.equal((await api(srv.url, 'GET', `/api/v1/people/${ids[1]}`, { auth: v1 })).status, 200)
  const read = await api(srv.url, 'GET', `/api/v1/audit?action=person.read&personId=${ids[1]}`, { auth: admin })
  assert.equal(read.json.total, 1, 'the detail read created one person.read row')
  assert.equal(read.json.items[0].personId, ids[1])
  assert.equal((await api(srv.url, 'GET', '/api/v1/audit', { auth: v1 })).status, 403, 'only admins browse the audit log')

  const ok = await api(srv.url, 'GET', '/api/v1/audit/verify', { auth: admin })
  assert.equal(ok.status, 200)
  assert.equal(ok.json.ok, true)
  assert.ok(ok.json.rows > 7, `rows ${ok.json.rows}`)
  assert.match(ok.json.head, new RegExp(`^${ok.json.rows}:[0-9a-f]{64}$`), 'the head to keep outside the database')
  assert.equal((await api(srv.url, 'GET', '/api/v1/audit/verify', { auth: v1 })).status, 403)
  assert.equal(await srv.stop({ keepData: true }), 0)

  const clean = verifyAudit(srv.env)
  assert.equal(clean.status, 0, clean.stdout + clean.stderr)
  assert.match(clean.stdout, /audit chain ok/)
  const keyless = verifyAudit({ ...srv.env, XINAN_DATA_KEY_FILE: `${srv.dir}/no-such.key` })
  assert.equal(keyless.status, 0, 'the check needs no data key')
  assert.equal(existsSync(`${srv.dir}/no-such.key`), false, 'and makes none: it changes nothing it inspects')
  sql(srv.db, "UPDATE audit_log SET action = 'x' WHERE seq = 3")
  const broken = verifyAudit(srv.env)
  assert.equal(broken.status, 2, broken.stdout + broken.stderr)
  assert.match(broken.stdout, /BROKEN at seq 3\b/)

  const again = await startServer({ dir: srv.dir, db: srv.db, seed: false, extraArgs: FLAGS })
  const admin2 = await login(again.url, 'admin_330499000000')
  const v = await api(again.url, 'GET', '/api/v1/audit/verify', { auth: admin2 })
  assert.equal(v.json.ok, false)
  assert.equal(v.json.firstBrokenSeq, 3)
  assert.ok(v.json.reason.length > 0)
  assert.equal(await again.stop(), 0)
})

test('a deleted audit row is detected too', { timeout: 60000 }, async () => {
  const srv = await startServer({ extraArgs: FLAGS })
  const v1 = await login(srv.url, 'counsellor_330499001001')
  for (let i = 0; i < 3; i++) {
    assert.equal((await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body: personBody(v1.user.unit.id) })).status, 201)
  }
  assert.equal(await srv.stop({ keepData: true }), 0)
  const last = Number(sql(srv.db, 'SELECT max(seq) FROM audit_log').trim())
  sql(srv.db, `DELETE FROM audit_log WHERE seq = ${last - 1}`)
  const broken = verifyAudit(srv.env)
  assert.equal(broken.status, 2, broken.stdout + broken.stderr)
  assert.match(broken.stdout, new RegExp(`BROKEN at seq (${last - 1}|${last})\\b`))
  srv.discard()
})

test('deleting the newest audit rows is caught with the head recorded before; a mistyped database is not created', { timeout: 60000 }, async () => {
  const srv = await startServer({ extraArgs: FLAGS })
  const v1 = await login(srv.url, 'counsellor_330499001001')
  for (let i = 0; i < 3; i++) {
    assert.equal((await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body: personBody(v1.user.unit.id) })).status, 201)
  }
  assert.equal(await srv.stop({ keepData: true }), 0)
  const clean = verifyAudit(srv.env)
  assert.equal(clean.status, 0, clean.stdout + clean.stderr)
  const head = clean.stdout.match(/^head (\d+:[0-9a-f]{64})/m)?.[1]
  assert.ok(head, clean.stdout)
  assert.equal(verifyAudit(srv.env, '--head', head).status, 0)
  const last = Number(head.split(':')[0])
  sql(srv.db, `DELETE FROM audit_log WHERE seq >= ${last - 1}`)
  assert.equal(verifyAudit(srv.env).status, 0, 'a cut tail is a shorter chain')
  const cut = verifyAudit(srv.env, '--head', head)
  assert.equal(cut.status, 2, cut.stdout + cut.stderr)
  assert.match(cut.stdout, /ends before the recorded head/)
  assert.equal(verifyAudit(srv.env, '--head', 'nonsense').status, 1)
  if (ENGINE === 'sqlite') {
    const missing = `${srv.dir}/no-such.db`
    const r = verifyAudit({ ...srv.env, XINAN_DB: `sqlite:${missing}` })
    assert.equal(r.status, 1)
    assert.match(r.stderr, /no database at/)
    assert.equal(existsSync(missing), false, 'nothing created')
  }
  srv.discard()
})

test('two instances on one PostgreSQL database keep one valid chain', { skip: ENGINE !== 'postgres', timeout: 120000 }, async () => {
  const a = await startServer({ extraArgs: FLAGS })
  const b = await startServer({ db: a.db, dir: a.dir, seed: false, extraArgs: FLAGS })
  const sa = await login(a.url, 'counsellor_330499001001')
  const sb = await login(b.url, 'counsellor_330499001002')
  const count = (where = '') => Number(sql(a.db, `SELECT count(*) FROM audit_log ${where}`).trim())
  const before = count()
  const createsBefore = count("WHERE action = 'person.create'")
  const jobs = []
  for (let i = 0; i < 200; i++) {
    const [url, s] = i % 2 ? [a.url, sa] : [b.url, sb]
    jobs.push(api(url, 'POST', '/api/v1/people', { auth: s, body: personBody(s.user.unit.id) }))
  }
  const results = await Promise.all(jobs)
  assert.equal(results.filter((r) => r.status === 201).length, 200, results.find((r) => r.status !== 201)?.text)
  const admin = await login(b.url, 'admin_330499000000')
  const viaApi = await api(b.url, 'GET', '/api/v1/audit/verify', { auth: admin })
  assert.equal(viaApi.json.ok, true, JSON.stringify(viaApi.json))
  assert.ok(viaApi.json.rows >= before + 200)
  assert.equal(await b.stop({ keepData: true }), 0)
  assert.equal(await a.stop({ keepData: true }), 0)
  const v = verifyAudit(a.env)
  assert.equal(v.status, 0, v.stdout + v.stderr)
  assert.match(v.stdout, /audit chain ok/)
  const rows = Number(v.stdout.match(/(\d+) rows/)[1])
  assert.ok(rows >= before + 200, `chain has ${rows} rows`)
  assert.equal(count("WHERE action = 'person.create'"), createsBefore + 200, 'one audit row per create')
  a.discard()
})

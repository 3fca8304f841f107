// Crash safety: concurrent person creates, SIGKILL at a random moment, restart on the same
// SQLite file. Every create that was acknowledged with 201 must be there, the database must
// pass PRAGMA integrity_check, and the audit chain must verify.
// Trials: XINAN_CRASH_TRIALS (default 3; `make soak` runs many).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync, execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { startServer, api, login, personBody, BIN } from '../api/harness.mjs'

const TRIALS = Number(process.env.XINAN_CRASH_TRIALS || 3)
const CLIENTS = 32

async function hammer(url, auth, acknowledged, stopAt) {
  while (Date.now() < stopAt) {
    const body = personBody(auth.user.unit.id)
    try {
      const r = await api(url, 'POST', '/api/v1/people', { auth, body })
      if (r.status === 201) acknowledged.push({ id: r.json.id, idNumber: body.idNumber })
    } catch {
      return  // the server died: this request was never acknowledged
    }
  }
}

for (let trial = 1; trial <= TRIALS; trial++) {
  test(`trial ${trial}: every acknowledged create survives SIGKILL`, { timeout: 120000 }, async () => {
    const env = { XINAN_TEST_ENGINE: 'sqlite' }
    Object.assign(process.env, env)
    const srv = await startServer({ residents: 5, extraArgs: ['--access-log', 'false', '--login-rate-per-minute', '1000'] })
    const auth = await login(srv.url, 'counsellor_330499001001')
    const acknowledged = []
    const killAfter = 300 + Math.floor(Math.random() * 1700)
    const clients = Array.from({ length: CLIENTS }, () => hammer(srv.url, auth, acknowledged, Date.now() + 10000))
    await new Promise((r) => setTimeout(r, killAfter))
    srv.proc.kill('SIGKILL')
    await Promise.all(clients)
    await new Promise((r) => srv.proc.exitCode !== null || srv.proc.signalCode ? r() : srv.proc.once('exit', r))

    const integrity = execFileSync('sqlite3', [srv.db.file, 'PRAGMA integrity_check'], { encoding: 'utf8' }).trim()
    assert.equal(integrity, 'ok')
    const again = await startServer({ dir: srv.dir, db: srv.db, seed: false, extraArgs: ['--login-rate-per-minute', '1000'] })
    const auth2 = await login(again.url, 'counsellor_330499001001')
    let found = 0
    for (const a of acknowledged) {
      const r = await api(again.url, 'GET', `/api/v1/people/${a.id}`, { auth: auth2 })
      if (r.status === 200 && r.json.idNumber === a.idNumber) found++
    }
    console.log(`trial ${trial}: killed after ${killAfter} ms; acknowledged ${acknowledged.length}, found ${found}`)
    assert.ok(acknowledged.length > 0, 'some creates were acknowledged before the kill')
    assert.equal(found, acknowledged.length, 'every acknowledged create is present')
    assert.equal(await again.stop({ keepData: true }), 0)
    const verify = spawnSync(BIN, ['verify-audit'], { env: { ...process.env, ...srv.env }, encoding: 'utf8' })
    assert.equal(verify.status, 0, verify.stdout + verify.stderr)
    rmSync(srv.dir, { recursive: true, force: true })
  })
}

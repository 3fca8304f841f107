// Crash safety: concurrent person creates, SIGKILL at a random moment, restart on the same
// SQLite file. Every create that was acknowledged with 201 must be there, the database must
// pass PRAGMA integrity_check, and the audit chain must verify.
// Trials: XINAN_CRASH_TRIALS (default 3; `make soak` runs many). Always SQLite.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync, execFileSync } from 'node:child_process'
import { startServer, api, login, personBody, BIN } from '../api/harness.mjs'

const TRIALS = Number(process.env.XINAN_CRASH_TRIALS || 3)
const CLIENTS = 32
const FLAGS = ['--access-log', 'false', '--login-rate-per-minute', '1000']

// One client: creates people back to back until the server dies or `stopAt`.
async function hammer(url, auth, acknowledged, statuses, stopAt) {
  while (Date.now() < stopAt) {
    const body = personBody(auth.user.unit.id)
    let r
    try {
      r = await api(url, 'POST', '/api/v1/people', { auth, body })
    } catch {
      return  // the server died: this request was never acknowledged
    }
    statuses[r.status] = (statuses[r.status] || 0) + 1
    if (r.status === 201) acknowledged.push({ id: r.json.id, idNumber: body.idNumber })
  }
}

function integrityCheck(file) {
  return execFileSync('sqlite3', [file, 'PRAGMA integrity_check'], { encoding: 'utf8' }).trim()
}

for (let trial = 1; trial <= TRIALS; trial++) {
  test(`trial ${trial}: every acknowledged create survives SIGKILL`, { timeout: 120000 }, async () => {
    const srv = await startServer({ engine: 'sqlite', residents: 5, extraArgs: FLAGS })
    const auth = await login(srv.url, 'counsellor_330499001001')
    const acknowledged = []
    const statuses = {}
    const killAfter = 300 + Math.floor(Math.random() * 1700)
    const clients = Array.from({ length: CLIENTS }, () => hammer(srv.url, auth, acknowledged, statuses, Date.now() + 10000))
    await new Promise((r) => setTimeout(r, killAfter))
    srv.proc.kill('SIGKILL')
    await Promise.all(clients)
    assert.equal(await srv.exited, 'SIGKILL', 'the server was killed, not stopped')

    assert.equal(integrityCheck(srv.db.file), 'ok', 'integrity right after the crash')
    const again = await startServer({ dir: srv.dir, db: srv.db, seed: false, extraArgs: FLAGS })
    const auth2 = await login(again.url, 'counsellor_330499001001')
    let found = 0
    const missing = []
    for (const a of acknowledged) {
      const r = await api(again.url, 'GET', `/api/v1/people/${a.id}`, { auth: auth2 })
      if (r.status === 200 && r.json.idNumber === a.idNumber) found++
      else missing.push(`${a.id}: ${r.status}`)
    }
    const listed = (await api(again.url, 'GET', '/api/v1/people?pageSize=1', { auth: auth2 })).json.total
    console.log(`trial ${trial}: killed after ${killAfter} ms; acknowledged ${acknowledged.length}, found ${found}, ` +
      `listed ${listed}; statuses ${JSON.stringify(statuses)}`)
    assert.ok(acknowledged.length > 0, 'some creates were acknowledged before the kill')
    assert.deepEqual(missing.slice(0, 10), [], 'every acknowledged create is present')
    assert.equal(found, acknowledged.length)
    assert.ok(listed >= acknowledged.length, 'the list counts them too')
    assert.ok(!Object.keys(statuses).some((s) => Number(s) >= 500 && Number(s) !== 503), `no server errors: ${JSON.stringify(statuses)}`)
    assert.equal(await again.stop({ keepData: true }), 0)

    assert.equal(integrityCheck(srv.db.file), 'ok', 'integrity after restart')
    const verify = spawnSync(BIN, ['verify-audit'], { env: { ...process.env, ...srv.env }, encoding: 'utf8' })
    assert.equal(verify.status, 0, verify.stdout + verify.stderr)
    assert.match(verify.stdout, /audit chain ok/)
    const rows = Number(verify.stdout.match(/(\d+) rows/)[1])
    assert.ok(rows >= acknowledged.length, `chain of ${rows} rows holds the ${acknowledged.length} creates`)
    srv.discard()
  })
}

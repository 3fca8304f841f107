// A failed WAL sync (SQLite): once xinan cannot make a commit durable it acknowledges no write
// until it is restarted, even after the disk answers again, and says so on /healthz and
// /metrics (lists still answer; a detail read, which must be audited, does not); after a restart
// writes work and what was acknowledged before is there.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { renameSync } from 'node:fs'
import { startServer, api, login, personBody, ENGINE } from './harness.mjs'

const FLAGS = ['--access-log', 'false']

test('after a failed WAL sync every write is refused until restart', { skip: ENGINE !== 'sqlite', timeout: 60000 }, async () => {
  const srv = await startServer({ residents: 5, extraArgs: FLAGS })
  try {
    await failAndRestart(srv)
  } finally {
    await srv.stop()
  }
})

async function failAndRestart(srv) {
  const auth = await login(srv.url, 'counsellor_330499001001')
  const create = () => api(srv.url, 'POST', '/api/v1/people', { auth, body: personBody(auth.user.unit.id) })
  const before = await create()
  assert.equal(before.status, 201)

  // The WAL disappears from under the server (as on a failing disk): its sync fails.
  const wal = `${srv.db.file}-wal`
  renameSync(wal, `${wal}.away`)
  const failed = await create()
  assert.equal(failed.status, 503, 'a write whose commit could not be synced is not acknowledged')
  assert.match(failed.headers.get('content-type'), /^application\/problem\+json/)

  renameSync(`${wal}.away`, wal)  // the disk answers again; the server still does not trust it
  const later = await create()
  assert.equal(later.status, 503, 'no write is acknowledged after a failed sync')
  assert.equal((await api(srv.url, 'GET', '/healthz')).status, 503)
  const metrics = (await api(srv.url, 'GET', '/metrics')).text
  assert.match(metrics, /^xinan_db_durability_lost 1$/m)
  assert.match(srv.log(), /commit not made durable/)
  assert.equal((await api(srv.url, 'GET', '/api/v1/people', { auth })).status, 200, 'lists go on')
  assert.equal((await api(srv.url, 'GET', `/api/v1/people/${before.json.id}`, { auth })).status, 503,
    'a detail read is audited, so it is refused too')
  await srv.stop({ keepData: true })

  const again = await startServer({ dir: srv.dir, db: srv.db, seed: false, extraArgs: FLAGS })
  try {
    const auth2 = await login(again.url, 'counsellor_330499001001')
    assert.equal((await api(again.url, 'GET', `/api/v1/people/${before.json.id}`, { auth: auth2 })).status, 200,
      'the create acknowledged before the failure is there')
    const fresh = await api(again.url, 'POST', '/api/v1/people', { auth: auth2, body: personBody(auth2.user.unit.id) })
    assert.equal(fresh.status, 201, 'a restarted server writes again')
    assert.match((await api(again.url, 'GET', '/metrics')).text, /^xinan_db_durability_lost 0$/m)
  } finally {
    await again.stop({ keepData: true })
  }
}

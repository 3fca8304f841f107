// Problem responses, limits, health, metrics, OpenAPI and graceful shutdown.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import net from 'node:net'
import { writeFileSync } from 'node:fs'
import { startServer, api, login, personBody, checkChar, ENGINE } from './harness.mjs'

const withCheck = (first17) => first17 + checkChar(first17)

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

// Each case breaks one field of an otherwise valid create; the problem names that field.
const FIELD_CASES = [
  ['bad check character', (b) => ({ idNumber: b.idNumber.slice(0, 17) + (b.idNumber[17] === '0' ? '1' : '0') }), 'idNumber', 'id_number_checksum'],
  ['15-digit legacy number', () => ({ idNumber: '330499150101001' }), 'idNumber', 'id_number_legacy_15'],
  ['17 characters', (b) => ({ idNumber: b.idNumber.slice(0, 17) }), 'idNumber', 'id_number_length'],
  ['a letter inside', (b) => ({ idNumber: b.idNumber.slice(0, 3) + 'A' + b.idNumber.slice(4) }), 'idNumber', 'id_number_format'],
  ['month 13 with a right check character', () => ({ idNumber: withCheck('33049920151301001') }), 'idNumber', 'id_number_birth_date'],
  ['birth date differs from the ID', () => ({ birthDate: '2001-01-01' }), 'birthDate', 'birth_date_mismatch'],
  ['gender differs from the ID', () => ({ gender: 'female' }), 'gender', 'gender_mismatch'],
  ['phone too short', () => ({ phone: '1380000' }), 'phone', 'phone_format'],
  ['name missing', () => ({ name: '  ' }), 'name', 'required'],
  ['unknown unit', () => ({ unitId: 'no-such-unit' }), 'unitId', 'unit_not_found'],
  ['unknown tag', () => ({ tags: ['no_such_tag'] }), 'tags', 'tag_invalid']
]

test('every field rule answers 422 with the field and its code, in zh-CN by default and English on request', async () => {
  const total = (await api(srv.url, 'GET', '/api/v1/people', { auth: v1 })).json.total
  for (const [name, change, field, code] of FIELD_CASES) {
    const base = personBody(v1.user.unit.id)
    const body = { ...base, ...change(base) }
    const zh = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body })
    assert.equal(zh.status, 422, `${name}: ${zh.text}`)
    assert.match(zh.headers.get('content-type'), /^application\/problem\+json/, name)
    assert.equal(zh.json.code, 'validation_failed', name)
    assert.equal(zh.json.status, 422, name)
    assert.ok(zh.json.type && zh.json.title, `${name}: type and title`)
    const zhErr = zh.json.errors.find((e) => e.field === field)
    assert.ok(zhErr, `${name}: an error for ${field} in ${JSON.stringify(zh.json.errors)}`)
    assert.equal(zhErr.code, code, name)
    assert.match(zhErr.message, /[\u4e00-\u9fff]/, `${name}: zh-CN message by default`)
    assert.match(zh.json.detail, /[\u4e00-\u9fff]/, `${name}: zh-CN detail by default`)
    const en = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body, lang: 'en' })
    const enErr = en.json.errors.find((e) => e.field === field)
    assert.equal(enErr.code, code, name)
    assert.match(enErr.message, /^[\x20-\x7e]+$/, `${name}: English message`)
    assert.notEqual(enErr.message, zhErr.message, name)
    assert.doesNotMatch(en.json.detail, /[\u4e00-\u9fff]/, `${name}: English detail`)
  }
  assert.equal((await api(srv.url, 'GET', '/api/v1/people', { auth: v1 })).json.total, total, 'nothing was created')
})

test('a duplicate ID number is 409 and leaves one record', async () => {
  const body = personBody(v1.user.unit.id)
  assert.equal((await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body })).status, 201)
  const dup = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body: { ...body, name: '重复' } })
  assert.equal(dup.status, 409)
  assert.equal(dup.json.code, 'id_number_exists')
  assert.deepEqual(dup.json.errors.map((e) => [e.field, e.code]), [['idNumber', 'id_number_exists']], 'the field is named')
  assert.equal(dup.json.errors[0].message, '该身份证号已登记')
  const found = await api(srv.url, 'GET', `/api/v1/people?idNumber=${body.idNumber}`, { auth: v1 })
  assert.equal(found.json.total, 1)
})

test('malformed JSON is 400, a too large body 413, an unknown route a 404 problem', async () => {
  const bad = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, raw: '{"name": ', headers: { 'Content-Type': 'application/json' } })
  assert.equal(bad.status, 400)
  assert.equal(bad.json.code, 'malformed_json')
  const big = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, raw: JSON.stringify({ name: 'x'.repeat(100 * 1024) }), headers: { 'Content-Type': 'application/json' } }).catch((e) => ({ status: 'closed', e }))
  assert.equal(big.status, 413)
  // Far over the limit (a roster saved too large): the client still reads the 413 instead of a
  // connection reset, which a browser shows as a network error.
  for (let i = 0; i < 3; i++) {
    const huge = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, raw: JSON.stringify({ name: 'x'.repeat(4 << 20) }), headers: { 'Content-Type': 'application/json' } })
      .catch((e) => ({ status: `reset: ${e.cause?.code || e.message}` }))
    assert.equal(huge.status, 413)
    assert.equal(huge.json.code, 'body_too_large')
  }
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
  const health = await api(srv.url, 'GET', '/healthz')
  assert.equal(health.status, 200)
  assert.equal(health.json.status, 'ok')
  const listCount = (text) => Number(text.match(/xinan_http_requests_total\{route="\/api\/v1\/people",method="GET",status="200"\} (\d+)/)?.[1] ?? 0)
  const m1 = await api(srv.url, 'GET', '/metrics')
  assert.equal(m1.status, 200)
  assert.match(m1.headers.get('content-type'), /^text\/plain/)
  await api(srv.url, 'GET', '/api/v1/people', { auth: v1 })
  await api(srv.url, 'GET', '/api/v1/people', { auth: v1 })
  const created = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body: personBody(v1.user.unit.id) })
  assert.equal(created.status, 201)
  assert.equal((await api(srv.url, 'GET', `/api/v1/people/${created.json.id}`, { auth: v1 })).status, 200)
  const metrics = (await api(srv.url, 'GET', '/metrics')).text
  assert.equal(listCount(metrics), listCount(m1.text) + 2, 'requests are counted by route and status')
  assert.match(metrics, /# TYPE xinan_http_requests_total counter/)
  assert.match(metrics, /xinan_http_request_duration_seconds_bucket\{[^}]*le="\+Inf"[^}]*\} \d+/)
  const batches = Number(metrics.match(/xinan_db_commit_batch_size_count (\d+)/)[1])
  assert.ok(batches >= 1, 'the create went through a commit batch')
  const seconds = (name) => Number(metrics.match(new RegExp(`^${name} ([0-9.]+)$`, 'm'))?.[1] ?? NaN)
  assert.ok(seconds('xinan_db_write_batch_seconds_total') > 0, 'time in write transactions is counted')
  for (const name of ['xinan_db_write_queue_seconds_total', 'xinan_db_write_sync_wait_seconds_total', 'xinan_db_wal_sync_seconds_total']) {
    assert.ok(Number.isFinite(seconds(name)), `${name} is exported`)
  }
  const syncs = Number(metrics.match(/^xinan_db_wal_syncs_total (\d+)$/m)?.[1] ?? NaN)
  const syncHistogram = Number(metrics.match(/^xinan_db_wal_sync_duration_seconds_count (\d+)$/m)?.[1] ?? NaN)
  assert.equal(syncHistogram, syncs, 'the sync duration histogram counts every sync')
  assert.match(metrics, /^xinan_db_wal_sync_duration_seconds_bucket\{le="0\.1"\} \d+$/m)
  if (ENGINE === 'sqlite') {
    assert.ok(syncs >= 1, 'the create was made durable by a WAL sync')
  } else {
    assert.equal(syncs, 0, 'PostgreSQL commits are durable by themselves')
  }
  assert.match(metrics, /route="\/api\/v1\/people\/\{id\}"/, 'routes are labelled by pattern')
  assert.ok(!metrics.includes(created.json.id), 'never by record id')
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

test('static files: content type, ETag/304 and SPA fallback', async () => {
  const index = await fetch(srv.url + '/some/spa/route')
  assert.equal(index.status, 200)
  assert.match(index.headers.get('content-type'), /text\/html/)
  assert.match(await index.text(), /<title>xinan<\/title>/)
  const etag = index.headers.get('etag')
  assert.ok(etag, 'an ETag')
  const again = await fetch(srv.url + '/index.html', { headers: { 'If-None-Match': etag } })
  assert.equal(again.status, 304)
  assert.equal((await fetch(srv.url + '/missing.js')).status, 404)
})

test('static files are gzipped for clients that accept it', async () => {
  const text = 'const xinan = "' + 'abc'.repeat(2000) + '";\n'
  writeFileSync(`${srv.dir}/www/app.js`, text)
  const zipped = await fetch(srv.url + '/app.js', { headers: { 'Accept-Encoding': 'gzip' } })
  assert.equal(zipped.status, 200)
  assert.match(zipped.headers.get('content-type'), /javascript/)
  assert.equal(zipped.headers.get('content-encoding'), 'gzip')
  assert.equal(await zipped.text(), text, 'decompresses to the file')
  const port = Number(new URL(srv.url).port)
  const plain = await raw(port, 'GET /app.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
  assert.doesNotMatch(plain, /content-encoding: gzip/i, 'no gzip without Accept-Encoding')
  assert.ok(plain.includes('abcabc'))
})

test('HEAD answers with the length of the body it leaves out', async () => {
  const text = 'head-check '.repeat(100)
  writeFileSync(`${srv.dir}/www/head.txt`, text)
  const port = Number(new URL(srv.url).port)
  const reply = await raw(port, 'HEAD /head.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
  assert.match(reply, /^HTTP\/1\.1 200 OK\r\n/)
  assert.match(reply, new RegExp(`content-length: ${Buffer.byteLength(text)}\r\n`, 'i'))
  assert.match(reply, /connection: close\r\n/i)
  assert.ok(reply.endsWith('\r\n\r\n'), 'nothing after the headers')
})

test('static serving never leaves the web root', async () => {
  // The web root is <dir>/www; the data key and database sit beside it in <dir>.
  const secret = 'SECRET-' + Math.random().toString(36).slice(2)
  writeFileSync(`${srv.dir}/secret.txt`, secret)
  const port = Number(new URL(srv.url).port)
  for (const target of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/www/../../secret.txt', '/..\\secret.txt']) {
    const out = await raw(port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
    assert.match(out, /^HTTP\/1\.1 \d{3}/, target)
    assert.ok(!out.includes(secret), `${target} leaked a file outside the web root`)
  }
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

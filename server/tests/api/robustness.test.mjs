// Bad input on every route: each route of /api/openapi.json gets broken path parameters, broken
// query strings, malformed JSON and bodies whose fields have the wrong type. The server must
// answer every one with a problem response (never a 5xx, never a bare error page), stay up, and
// store nothing. New routes are covered as soon as they are in the OpenAPI document.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import net from 'node:net'
import { readFileSync } from 'node:fs'
import { startServer, api, login } from './harness.mjs'

const BAD_IDS = ['x', '-1', '99999999999999999999', '%00', '%E4%B8', 'a'.repeat(3000), '%27%20OR%201%3D1--']
const BAD_QUERIES = ['', '?page=-1&pageSize=0', '?page=abc&pageSize=100000', '?q=%25%5F%27&sort=-nope&unitId=zz&level=purple&from=x&to=-5']
const BAD_JSON = ['{', '[]', '"s"', '1e999', 'null', '{"a":' + '['.repeat(5000), '\xff\xfe', '{"x":"\\ud800"}']
const WRONG_VALUES = [null, -1, 1.5, 1e308, 9007199254740993, true, '', 'x'.repeat(70000), '\u0000', [],
  [1, 'a', null, {}], {}, { a: [{}] }, '2026-02-30', '１２３']

let srv, admin, village
before(async () => {
  srv = await startServer({ extraArgs: ['--self-assessment-rate-per-minute', '1000000', '--login-rate-per-minute', '1000'] })
  admin = await login(srv.url, 'admin_330499000000')
  village = await login(srv.url, 'counsellor_330499001001')
})
after(async () => { assert.equal(await srv.stop(), 0) })

// Problems found so far, as "status METHOD path what: body".
function checker() {
  const bad = []
  return {
    bad,
    check(method, path, what, r) {
      const problem = /^application\/problem\+json/.test(r.headers.get('content-type') || '') && typeof r.json?.code === 'string'
      if (r.status >= 500 || (r.status >= 400 && !problem)) {
        bad.push(`${r.status} ${method} ${path.slice(0, 90)} ${what}: ${r.text.slice(0, 160)}`)
      }
    }
  }
}

function bodyProperties(spec, op) {
  const schema = op.requestBody?.content?.['application/json']?.schema
  const resolved = schema?.$ref ? spec.components.schemas[schema.$ref.split('/').pop()] : schema
  return Object.keys(resolved?.properties || {})
}

// What the store holds, as counts a stray write would change.
async function holdings() {
  const total = async (path) => (await api(srv.url, 'GET', path, { auth: admin })).json.total
  return {
    people: await total('/api/v1/people?pageSize=1'),
    units: await total('/api/v1/org/units?pageSize=1'),
    users: await total('/api/v1/users?pageSize=1'),
    campaigns: await total('/api/v1/campaigns?pageSize=1'),
    assessments: await total('/api/v1/assessments?pageSize=1'),
    rules: await total('/api/v1/warning-rules?pageSize=1')
  }
}

test('every route answers broken ids, queries and bodies with a problem, and nothing is stored', { timeout: 300000 }, async () => {
  const spec = (await api(srv.url, 'GET', '/api/openapi.json')).json
  const routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })))
  assert.ok(routes.length >= 60, `the OpenAPI document lists the routes (${routes.length})`)
  const before = await holdings()
  const { bad, check } = checker()
  for (const { path, method, op } of routes) {
    if (path === '/api/v1/auth/logout') continue  // would end the session the rest runs on
    const auth = path.startsWith('/api/v1/public/') ? undefined : admin
    const paths = path.includes('{') ? BAD_IDS.map((id) => path.replace(/\{\w+\}/g, id)) : [path]
    for (const p of paths) {
      for (const q of method === 'GET' ? BAD_QUERIES : ['']) {
        check(method, p + q, 'no body', await api(srv.url, method, p + q, { auth }))
      }
      if (!op.requestBody) continue
      for (const raw of BAD_JSON) {
        check(method, p, `raw ${raw.slice(0, 12)}`, await api(srv.url, method, p, { auth, raw, headers: { 'Content-Type': 'application/json' } }))
      }
      if (p !== paths[0]) continue
      for (const prop of bodyProperties(spec, op)) {
        for (const v of WRONG_VALUES) {
          check(method, p, `${prop}=${JSON.stringify(v).slice(0, 16)}`, await api(srv.url, method, p, { auth, body: { [prop]: v } }))
        }
      }
    }
  }
  assert.deepEqual(bad, [])
  assert.equal((await api(srv.url, 'GET', '/healthz')).status, 200)
  assert.deepEqual(await holdings(), before, 'no bad request stored anything')
})

// Valid bodies of the main writes with one field of the wrong type or missing at a time: the
// validation behind the parser answers each with a problem (never a 5xx), and a rejected write
// stores nothing: the records grow by exactly the variants that were accepted (a missing
// optional field, a null address, an empty target group).
test('valid writes with one field broken answer 4xx problems, and only accepted ones are stored', { timeout: 300000 }, async () => {
  const unitId = village.user.unit.id
  const person = (await api(srv.url, 'GET', '/api/v1/people?pageSize=1', { auth: village })).json.items[0]
  const detail = (await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: village })).json
  const answers = await phq9Answers()
  const campaign = { name: '鲁棒性测评', unitId, targetGroup: '初一', scaleCodes: ['phq9'], startsOn: '2026-12-01',
    endsOn: '2026-12-31', consentText: '同意', showResult: true, targetSize: 10 }
  const writes = [  // [method, path, auth, body, the count a success adds to]
    ['POST', '/api/v1/people', village, { name: '张三', gender: 'male', birthDate: '1990-01-01', phone: '13800001111', address: '地址', unitId, tags: ['minor'] }, 'people'],
    ['PUT', `/api/v1/people/${person.id}`, village, { name: detail.name, gender: detail.gender, birthDate: detail.birthDate, idNumber: detail.idNumber, unitId, tags: [], version: detail.version }, null],
    ['POST', `/api/v1/people/${person.id}/assessments`, village, { scaleCode: 'phq9', answers }, 'assessments'],
    ['POST', '/api/v1/public/units/330499001001/assessments', undefined, { scaleCode: 'phq9', answers, consent: true, respondent: { name: '李四', phone: '13900001111' } }, 'assessments'],
    ['POST', '/api/v1/campaigns', village, campaign, 'campaigns'],
    ['POST', '/api/v1/users', admin, { username: 'robust_user', displayName: '测试', unitId, roles: ['community_counsellor'], password: 'Robust-Password-1' }, 'users'],
    ['POST', '/api/v1/warning-rules', admin, { name: '规则', level: 'yellow', scaleCode: 'phq9', minTotal: 5, requiresCritical: false, requiredTags: [], active: true }, 'rules']
  ]
  const expected = await holdings()
  const { bad, check } = checker()
  for (const [method, path, auth, body, grows] of writes) {
    for (const key of Object.keys(body)) {
      const { [key]: _, ...without } = body
      const variants = [...WRONG_VALUES.map((v) => [JSON.stringify(v).slice(0, 16), { ...body, [key]: v }]), ['missing', without]]
      if (body[key] && typeof body[key] === 'object' && !Array.isArray(body[key])) {
        for (const inner of Object.keys(body[key]).slice(0, 3)) {
          for (const v of WRONG_VALUES) variants.push([`.${inner}=${JSON.stringify(v).slice(0, 16)}`, { ...body, [key]: { ...body[key], [inner]: v } }])
        }
      }
      for (const [what, variant] of variants) {
        const r = await api(srv.url, method, path, { auth, body: variant })
        check(method, path, `${key} ${what}`, r)
        if (r.status === 201 && grows) expected[grows]++
        if (r.status === 201 && grows === 'users') body.username = `robust_user_${expected.users}`  // taken now
      }
    }
  }
  assert.deepEqual(bad, [])
  assert.deepEqual(await holdings(), expected, 'a rejected write stored something')
})

async function phq9Answers(item9 = 2) {
  const scale = (await api(srv.url, 'GET', '/api/v1/scales/phq9', { auth: village })).json
  return Object.fromEntries(scale.items.map((item, i) => [item.id, i === 8 ? item9 : 1]))
}

test('an answer past the integer range is refused, not wrapped into a valid one', async () => {
  const answers = await phq9Answers(0)
  const first = Object.keys(answers)[0]
  for (const value of [4294967297, 9007199254740993, -4294967295]) {
    const r = await api(srv.url, 'POST', '/api/v1/public/units/330499001001/assessments',
      { body: { scaleCode: 'phq9', consent: true, answers: { ...answers, [first]: value } } })
    assert.equal(r.status, 422, `${value}: ${r.text}`)
    assert.deepEqual(r.json.errors.map((e) => [e.field, e.code]), [[`answers.${first}`, 'answer_out_of_range']])
  }
})

test('text with a control character is refused naming the field; PostgreSQL would cut it at a NUL', async () => {
  const people = (await api(srv.url, 'GET', '/api/v1/people?pageSize=1', { auth: village })).json.total
  for (const name of ['张\u0000三', 'a\u0007b', 'x\u007f']) {
    const r = await api(srv.url, 'POST', '/api/v1/people', { auth: village, lang: 'en',
      body: { name, gender: 'male', birthDate: '1990-01-01', unitId: village.user.unit.id } })
    assert.equal(r.status, 422, r.text)
    assert.deepEqual(r.json.errors.map((e) => [e.field, e.code]), [['name', 'control_character']])
    assert.match(r.json.errors[0].message, /control characters/)
  }
  const multiLine = await api(srv.url, 'POST', '/api/v1/people', { auth: village,
    body: { name: '王五', gender: 'male', birthDate: '1990-01-01', unitId: village.user.unit.id, address: '东湖村\n3 组' } })
  assert.equal(multiLine.status, 201, 'line breaks stay allowed in free text')
  assert.equal((await api(srv.url, 'GET', '/api/v1/people?pageSize=1', { auth: village })).json.total, people + 1)
})

// Free text has a ceiling everywhere it is stored: one character past it is refused naming the field.
test('free text past its limit is refused naming the field', async () => {
  const long = (n) => '字'.repeat(n)
  const answers = await phq9Answers(1)
  const raised = await api(srv.url, 'POST', '/api/v1/public/units/330499001001/assessments', { body: { scaleCode: 'phq9', answers, consent: true } })
  const alert = (await api(srv.url, 'GET', '/api/v1/alerts?level=red', { auth: village })).json.items.find((a) => a.assessmentId === raised.json.id)
  const person = (await api(srv.url, 'GET', '/api/v1/people?pageSize=200', { auth: village })).json.items.find((p) => p.idNumberMasked)
  const idNumber = (await api(srv.url, 'GET', `/api/v1/people/${person.id}`, { auth: village })).json.idNumber
  const cases = [
    ['POST', `/api/v1/alerts/${alert.id}/close`, village, { outcome: 'contacted_safe', note: long(2001) }, 'note', 'note_too_long'],
    ['POST', '/api/v1/people/break-glass', admin, { idNumber, reason: long(501) }, 'reason', 'reason_too_long'],
    ['POST', '/api/v1/users', admin, { username: 'long_name_user', displayName: long(51), unitId: village.user.unit.id, roles: ['community_counsellor'], password: 'Robust-Password-1' }, 'displayName', 'name_too_long'],
    ['POST', '/api/v1/warning-rules', admin, { name: long(101), level: 'yellow', scaleCode: 'phq9', minTotal: 5 }, 'name', 'name_too_long']
  ]
  for (const [method, path, auth, body, field, code] of cases) {
    const r = await api(srv.url, method, path, { auth, body })
    assert.equal(r.status, 422, `${path}: ${r.text}`)
    assert.deepEqual(r.json.errors.map((e) => [e.field, e.code]), [[field, code]], path)
  }
  const closed = await api(srv.url, 'POST', `/api/v1/alerts/${alert.id}/close`, { auth: village, body: { outcome: 'contacted_safe', note: long(2000) } })
  assert.equal(closed.status, 200, 'at the limit is fine')
  const roster = `name,phone,unitCode,group\n${long(51)},13800000001,330499001001,1班\n张二,13800000002,330499001001,${long(101)}\n`
  const c = (await api(srv.url, 'POST', '/api/v1/campaigns', { auth: village, body: { name: '长度测试', unitId: village.user.unit.id,
    scaleCodes: ['phq9'], startsOn: '2026-12-01', endsOn: '2026-12-31' } })).json
  const refused = await api(srv.url, 'POST', `/api/v1/campaigns/${c.id}/roster`, { auth: village, raw: roster, headers: { 'Content-Type': 'text/csv' } })
  assert.equal(refused.status, 422, refused.text)
  assert.deepEqual(refused.json.errors.map((e) => [e.field, e.code]), [['line 2: name', 'name_too_long'], ['line 3: group', 'group_too_long']])
})

test('a query or path that is not UTF-8 is refused as malformed, not passed to the database', async () => {
  const list = await api(srv.url, 'GET', '/api/v1/people?q=%FF', { auth: village })
  assert.equal(list.status, 200, 'a malformed query pair is ignored')
  for (const path of ['/api/v1/people/%C3%28', '/api/v1/people/%FF', '/api/v1/org/units/%E5%BC']) {
    const r = await api(srv.url, 'GET', path, { auth: admin })
    assert.equal(r.status, 400, `${path}: ${r.text}`)
    assert.match(r.headers.get('content-type'), /^application\/problem\+json/)
    assert.equal(r.json.code, 'bad_request')
    assert.match(r.json.detail, /UTF-8/, 'a message in words, not the bare code')
  }
})

test('an org-unit CSV saved by Excel in GB18030 imports as Chinese text; bytes that are neither are refused', async () => {
  const gbk = Buffer.concat([Buffer.from('code,name,level,parent_code\n330499001097,'),
    Buffer.from([0xd0, 0xc2, 0xb4, 0xe5]), Buffer.from(',village,330499001000\n')])  // 新村
  const headers = { 'Content-Type': 'text/csv' }
  const ok = await api(srv.url, 'POST', '/api/v1/org/units/import', { auth: admin, raw: gbk, headers })
  assert.equal(ok.status, 200, ok.text)
  const found = (await api(srv.url, 'GET', '/api/v1/org/units?q=330499001097', { auth: admin })).json.items
  assert.deepEqual(found.map((u) => u.name), ['新村'])
  const units = (await api(srv.url, 'GET', '/api/v1/org/units?pageSize=1', { auth: admin })).json.total
  const neither = Buffer.concat([Buffer.from('code,name,level,parent_code\n330499001096,'), Buffer.from([0x81]),
    Buffer.from('\n')])
  const bad = await api(srv.url, 'POST', '/api/v1/org/units/import', { auth: admin, raw: neither, headers })
  assert.equal(bad.status, 422, bad.text)
  assert.deepEqual(bad.json.errors.map((e) => [e.field, e.code]), [['file', 'file_encoding']])
  const control = await api(srv.url, 'POST', '/api/v1/org/units/import',
    { auth: admin, raw: 'code,name,level,parent_code\n330499001096,新\u0000村,village,330499001000\n', headers })
  assert.equal(control.status, 422, control.text)
  assert.deepEqual(control.json.errors.map((e) => [e.field, e.code]), [['line 2', 'control_character']])
  assert.equal((await api(srv.url, 'GET', '/api/v1/org/units?pageSize=1', { auth: admin })).json.total, units)
})

// Out of file descriptors, accepting fails at once and again: the server waits between tries
// instead of spinning an IO thread, and serves again once connections close.
test('out of file descriptors, the server neither spins nor stops serving', { timeout: 60000 }, async () => {
  const tight = await startServer({ residents: 3, wrapper: ['prlimit', '--nofile=64:64'], extraArgs: ['--access-log', 'false'] })
  const ticks = () => readFileSync(`/proc/${tight.proc.pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0)
  const idle = []
  try {
  for (let i = 0; i < 80; i++) {
    const s = net.connect(tight.port, '127.0.0.1')
    s.on('error', () => {})
    idle.push(s)
  }
  await new Promise((r) => setTimeout(r, 500))
  const before = ticks()
  await new Promise((r) => setTimeout(r, 2000))
  const busy = (ticks() - before) / 200  // clock ticks are 1/100 s: the share of one core over 2 s
  assert.ok(busy < 0.3, `the server used ${Math.round(busy * 100)} % of a core while out of descriptors`)
  for (const s of idle) s.destroy()
  let served = 0
  for (let i = 0; i < 50 && served === 0; i++) {
    await new Promise((r) => setTimeout(r, 100))
    try { served = (await fetch(tight.url + '/healthz')).status } catch {}
  }
  assert.equal(served, 200, 'serving again once the idle connections closed')
  assert.match(tight.log(), /accepting a connection failed/)
  assert.equal(await tight.stop(), 0)
  } finally {
    for (const s of idle) s.destroy()
    if (tight.proc.exitCode === null && !tight.proc.signalCode) tight.proc.kill('SIGKILL')
  }
})

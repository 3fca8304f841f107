// Black-box test harness: seeds a demo district into a fresh database (SQLite file or a new
// PostgreSQL database), starts `xinan serve` on a free loopback port and talks HTTP to it.
// Env: XINAN_BIN (the binary), XINAN_TEST_ENGINE (sqlite | postgres), XINAN_TEST_PG (admin URL).
// Servers and databases a test leaves behind (a failed assertion before stop()) are killed and
// dropped when the test process exits.
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes, randomInt } from 'node:crypto'

export const BIN = process.env.XINAN_BIN || path.resolve('build/server/xinan')
export const ENGINE = process.env.XINAN_TEST_ENGINE || 'sqlite'
export const PASSWORD = 'Api-Test-Password-1'

const leftovers = new Set()  // { proc } and { drop } still alive
process.on('exit', () => {
  for (const x of leftovers) {
    try { x.proc ? x.proc.kill('SIGKILL') : x.drop() } catch {}
  }
})

// A fresh database: { url, engine, file (SQLite), drop() }.
export function freshDatabase(dir, engine = ENGINE) {
  if (engine !== 'postgres') {
    return { engine, url: `sqlite:${dir}/t.db`, file: `${dir}/t.db`, drop() {} }
  }
  const admin = process.env.XINAN_TEST_PG
  if (!admin) throw new Error('XINAN_TEST_PG is not set (run scripts/pg-test start; source build/pg-test.env)')
  const name = 'xinan_api_' + randomBytes(5).toString('hex')
  execFileSync('psql', [admin, '-qc', `CREATE DATABASE ${name}`])
  const db = {
    engine,
    url: admin.slice(0, admin.lastIndexOf('/') + 1) + name,
    drop() {
      leftovers.delete(db)
      try { execFileSync('psql', [admin, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]) } catch {}
    }
  }
  leftovers.add(db)
  return db
}

// Runs a CLI subcommand; throws with its output when it exits non-zero.
export function run(args, env) {
  return execFileSync(BIN, args, { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

// Runs SQL directly against a test database (sqlite3 or psql CLI), bypassing xinan.
export function sql(db, statement) {
  if (db.engine === 'postgres') return execFileSync('psql', [db.url, '-qAtc', statement], { encoding: 'utf8' })
  return execFileSync('sqlite3', [db.file, statement], { encoding: 'utf8' })
}

async function waitForPort(proc, logRef) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 20 s:\n' + logRef.text)), 20000)
    let found = false
    const onData = (chunk) => {
      logRef.text += chunk
      if (logRef.text.length > 1 << 20) logRef.text = logRef.text.slice(-(1 << 19))  // keep the tail
      const m = !found && logRef.text.match(/xinan serving on port (\d+)/)
      if (m) { found = true; clearTimeout(timer); resolve(Number(m[1])) }
    }
    proc.stdout.on('data', onData)
    proc.stderr.on('data', onData)
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${logRef.text}`)) })
  })
}

async function waitHealthy(url) {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url + '/healthz')).status === 200) return } catch {}
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`${url}/healthz never answered 200`)
}

// Starts `xinan serve` on `db` (a fresh one for `engine` unless given), seeding it first unless
// seed === false. Returns { url, port, dir, db, env, proc, log(), stop() }; stop() sends SIGTERM
// and resolves to the exit code (0 = graceful), removing the data unless keepData.
// `wrapper` (e.g. ['prlimit', '--nofile=64:64']) runs the server under another command.
export async function startServer({ dir, db, engine = ENGINE, seed = true, residents = 20, extraArgs = [], wrapper = [] } = {}) {
  dir = dir || mkdtempSync(path.join(tmpdir(), 'xinan-api-'))
  db = db || freshDatabase(dir, engine)
  // A WAL reserved 8 MB ahead instead of 260: the same code path (the crash trials recover
  // through it) without writing 260 MB for every test server.
  const env = { XINAN_DB: db.url, XINAN_DATA_KEY_FILE: `${dir}/k.key`, XINAN_PASSWORD_COST: 'minimum',
    XINAN_WAL_RESERVE_MB: '8' }
  if (seed) run(['seed-demo', '--password', PASSWORD, '--residents', String(residents)], env)
  mkdirSync(`${dir}/www`, { recursive: true })
  writeFileSync(`${dir}/www/index.html`, '<!doctype html><title>xinan</title>')
  const args = ['serve', '--listen', '127.0.0.1:0', '--web-root', `${dir}/www`, ...extraArgs]
  const proc = spawn(wrapper[0] || BIN, wrapper.length ? [...wrapper.slice(1), BIN, ...args] : args,
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  const handle = { proc }
  leftovers.add(handle)
  const logRef = { text: '' }
  const port = await waitForPort(proc, logRef)
  const url = `http://127.0.0.1:${port}`
  await waitHealthy(url)
  const exited = new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode) resolve(proc.exitCode ?? proc.signalCode)
    else proc.once('exit', (code, signal) => resolve(code ?? signal))
  })
  exited.then(() => leftovers.delete(handle))
  const server = {
    url, port, dir, db, env, proc, exited,
    log: () => logRef.text,
    // Drops the database and removes the folder (after stop({ keepData: true })).
    discard() { db.drop(); rmSync(dir, { recursive: true, force: true }) },
    async stop({ keepData = false } = {}) {
      if (proc.exitCode === null && !proc.signalCode) proc.kill('SIGTERM')
      let timer
      const timeout = new Promise((r) => { timer = setTimeout(() => r('timeout'), 15000) })
      const code = await Promise.race([exited, timeout])
      clearTimeout(timer)
      if (code === 'timeout') { proc.kill('SIGKILL'); await exited }
      if (!keepData) server.discard()
      return code
    }
  }
  return server
}

// Calls the API. auth: { token } (bearer) or { cookie, csrf }. Resolves to
// { status, headers, json (null unless JSON), text }.
export async function api(url, method, path, { auth, body, lang, headers = {}, raw } = {}) {
  const h = { ...headers }
  if (auth?.token) h.Authorization = `Bearer ${auth.token}`
  if (auth?.cookie) h.Cookie = auth.cookie
  if (auth?.csrf) h['X-CSRF-Token'] = auth.csrf
  if (lang) h['Accept-Language'] = lang
  if (body !== undefined) h['Content-Type'] = 'application/json'
  const res = await fetch(url + path, { method, headers: h, body: raw ?? (body !== undefined ? JSON.stringify(body) : undefined) })
  const text = await res.text()
  let json = null
  try { json = text ? JSON.parse(text) : null } catch {}
  return { status: res.status, headers: res.headers, json, text }
}

// The Set-Cookie header lines of a response (Node 18 and 20).
export function setCookies(headers) {
  if (typeof headers.getSetCookie === 'function') return headers.getSetCookie()
  const one = headers.get('set-cookie')
  return one ? one.split(/,(?=\s*[A-Za-z0-9_]+=)/) : []
}

// Signs in; throws unless 200. Returns { token, csrf, cookie, user } where `cookie` is the
// Cookie header value carrying both the session and the CSRF cookie. Spread it into `auth`
// as { token } for bearer calls or { cookie, csrf } for browser-style calls.
export async function login(url, username, password = PASSWORD) {
  const r = await api(url, 'POST', '/api/v1/auth/login', { body: { username, password } })
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`)
  const cookie = setCookies(r.headers).map((c) => c.split(';')[0].trim()).join('; ')
  return { token: r.json.token, csrf: r.json.csrfToken, csrfToken: r.json.csrfToken, cookie, user: r.json.user }
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
// The GB 11643 check character of the first 17 characters.
export function checkChar(first17) {
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i], 0)
  return '10X98765432'[sum % 11]
}

// A valid fictional ID number in the demo district, born 2015-2020 (the seed uses 1940-2014),
// so it never collides with a seeded resident. Distinct n (< 1,008,000) give distinct numbers.
export function idNumber(n, male = true) {
  const year = 2015 + (n % 6)
  const month = String(1 + (Math.floor(n / 6) % 12)).padStart(2, '0')
  const day = String(1 + (Math.floor(n / 72) % 28)).padStart(2, '0')
  const seq = (Math.floor(n / 2016) % 500) * 2 + (male ? 1 : 0)
  const first17 = `330499${year}${month}${day}${String(seq).padStart(3, '0')}`
  return first17 + checkChar(first17)
}

// Random start so reruns on a kept database do not collide; consecutive calls never repeat.
let counter = randomInt(0, 500000)
// A valid person body for `unitId` with a fresh ID number.
export function personBody(unitId, extra = {}) {
  const n = counter++
  const id = idNumber(n, true)
  return { name: `测试${n}`, gender: 'male', birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    idNumber: id, phone: '13800001111', address: '测试地址', unitId, tags: [], ...extra }
}

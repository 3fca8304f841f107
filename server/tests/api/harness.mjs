// Black-box test harness: seeds a demo district into a fresh database (SQLite file or a new
// PostgreSQL database), starts `xinan serve` on a free loopback port and talks HTTP to it.
// Env: XINAN_BIN (the binary), XINAN_TEST_ENGINE (sqlite | postgres), XINAN_TEST_PG (admin URL).
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'

export const BIN = process.env.XINAN_BIN || path.resolve('build/server/xinan')
export const ENGINE = process.env.XINAN_TEST_ENGINE || 'sqlite'
export const PASSWORD = 'Api-Test-Password-1'

// A fresh database: { url, drop() }.
export function freshDatabase(dir) {
  if (ENGINE !== 'postgres') return { url: `sqlite:${dir}/t.db`, file: `${dir}/t.db`, drop() {} }
  const admin = process.env.XINAN_TEST_PG
  if (!admin) throw new Error('XINAN_TEST_PG is not set')
  const name = 'xinan_api_' + randomBytes(5).toString('hex')
  execFileSync('psql', [admin, '-qc', `CREATE DATABASE ${name}`])
  return {
    url: admin.slice(0, admin.lastIndexOf('/') + 1) + name,
    drop() { try { execFileSync('psql', [admin, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]) } catch {} }
  }
}

export function run(args, env) {
  return execFileSync(BIN, args, { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

// Starts a server on `db` (seeding it first unless seed === false). Returns { url, stop() }.
export async function startServer({ dir, db, seed = true, residents = 20, extraArgs = [] } = {}) {
  dir = dir || mkdtempSync(path.join(tmpdir(), 'xinan-api-'))
  db = db || freshDatabase(dir)
  const env = { XINAN_DB: db.url, XINAN_DATA_KEY_FILE: `${dir}/data.key`, XINAN_PASSWORD_COST: 'minimum' }
  if (seed) run(['seed-demo', '--password', PASSWORD, '--residents', String(residents)], env)
  writeFileSync(`${dir}/index.html`, '<!doctype html><title>xinan</title>')
  const proc = spawn(BIN, ['serve', '--listen', '127.0.0.1:0', '--web-root', dir, ...extraArgs],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start:\n' + log)), 15000)
    const onData = (chunk) => {
      log += chunk
      const m = log.match(/serving on port (\d+)/)
      if (m) { clearTimeout(timer); resolve(Number(m[1])) }
    }
    proc.stdout.on('data', onData)
    proc.stderr.on('data', onData)
    proc.on('exit', (code) => reject(new Error(`server exited ${code}:\n${log}`)))
  })
  const url = `http://127.0.0.1:${port}`
  return {
    url, dir, db, env, proc,
    log: () => log,
    async stop({ keepData = false } = {}) {
      const code = await new Promise((resolve) => { proc.once('exit', (c) => resolve(c)); proc.kill('SIGTERM') })
      if (!keepData) { db.drop(); rmSync(dir, { recursive: true, force: true }) }
      return code
    }
  }
}

// Calls the API. auth: { token } (bearer) or { cookie, csrf }.
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

export async function login(url, username, password = PASSWORD) {
  const r = await api(url, 'POST', '/api/v1/auth/login', { body: { username, password } })
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`)
  const cookies = r.headers.getSetCookie ? r.headers.getSetCookie() : [r.headers.get('set-cookie')]
  const cookie = cookies.map((c) => c.split(';')[0]).join('; ')
  return { token: r.json.token, csrf: r.json.csrfToken, cookie, user: r.json.user }
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
// A valid fictional ID number in the demo district, born 2015-2020 (the seed uses 1940-2014).
export function idNumber(n, male = true) {
  const year = 2015 + (n % 6)
  const month = String(1 + (Math.floor(n / 6) % 12)).padStart(2, '0')
  const day = String(1 + (Math.floor(n / 72) % 28)).padStart(2, '0')
  const seq = (Math.floor(n / 2016) % 500) * 2 + (male ? 1 : 0)
  const first17 = `330499${year}${month}${day}${String(seq).padStart(3, '0')}`
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i], 0)
  return first17 + '10X98765432'[sum % 11]
}

let counter = Math.floor(Math.random() * 100000)
// A valid person body for `unitId`.
export function personBody(unitId, extra = {}) {
  const n = counter++
  const id = idNumber(n, true)
  return { name: `测试${n}`, gender: 'male', birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    idNumber: id, phone: '13800001111', address: '测试地址', unitId, tags: [], ...extra }
}

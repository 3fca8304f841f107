// Shared e2e helpers: launching Debian's Chromium through playwright-core, signing in,
// filling Element Plus inputs by data-testid, screenshots under build/e2e-screenshots/.
import { chromium, request } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const BASE = process.env.XINAN_URL || 'http://127.0.0.1:8080'
export const PASSWORD = process.env.XINAN_DEMO_PASSWORD || 'E2e-Demo-Password-1'
const SHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../build/e2e-screenshots')
mkdirSync(SHOTS, { recursive: true })

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
  })
}

export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })
  return context.newPage()
}

// The <input> or <textarea> of an Element Plus field marked with data-testid (Element Plus
// puts the attribute on the native element, other components on their wrapper).
export function field(page, testId) {
  const t = `[data-testid="${testId}"]`
  return page.locator(`input${t}, textarea${t}, ${t} input, ${t} textarea`).first()
}

export async function login(page, username) {
  await page.goto(`${BASE}/login`)
  await field(page, 'login-username').fill(username)
  await field(page, 'login-password').fill(PASSWORD)
  await page.locator('[data-testid="login-submit"]').click()
  await page.locator('[data-testid="current-user"]').waitFor({ state: 'attached' })  // hidden on a phone
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
}

// A fictional, valid 18-digit ID number (GB 11643) unique per call: district 330499,
// birth date in 2015-2020 (the demo seed uses 1940-2014), sequence from the clock.
export function fictionalIdNumber() {
  const n = Date.now() % 1000000 + Math.floor(Math.random() * 1000)
  const year = 2015 + (n % 6)
  const month = String(1 + (Math.floor(n / 6) % 12)).padStart(2, '0')
  const day = String(1 + (Math.floor(n / 72) % 28)).padStart(2, '0')
  const seq = String(Math.floor(n / 2016) % 1000).padStart(3, '0')
  const first17 = `330499${year}${month}${day}${seq}`
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * w[i], 0)
  return first17 + '10X98765432'[sum % 11]
}

// Registers a resident in the home unit of `username` through the API (not the UI) and
// returns {id, name, idNumber}.
export async function createResidentViaApi(username, name) {
  const api = await request.newContext({ baseURL: BASE })
  try {
    const login = await api.post('/api/v1/auth/login', { data: { username, password: PASSWORD } })
    if (!login.ok()) throw new Error(`login ${username}: ${login.status()} ${await login.text()}`)
    const { csrfToken, user } = await login.json()
    const idNumber = fictionalIdNumber()
    const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`
    const gender = Number(idNumber[16]) % 2 === 1 ? 'male' : 'female'
    const res = await api.post('/api/v1/people', {
      headers: { 'X-CSRF-Token': csrfToken },
      data: { name, gender, birthDate, idNumber, phone: '13800138000', address: '', unitId: user.unit.id, tags: [] }
    })
    if (res.status() !== 201) throw new Error(`create person: ${res.status()} ${await res.text()}`)
    return { id: (await res.json()).id, name, idNumber }
  } finally {
    await api.dispose()
  }
}

// Signs `username` in through the API; returns {call(method, path, data), user, dispose()}
// where `call` sends the CSRF header and resolves to {status, body}.
export async function apiSession(username) {
  const api = await request.newContext({ baseURL: BASE })
  const login = await api.post('/api/v1/auth/login', { data: { username, password: PASSWORD } })
  if (!login.ok()) throw new Error(`login ${username}: ${login.status()} ${await login.text()}`)
  const { csrfToken, user } = await login.json()
  async function call(method, path, data) {
    const res = await api.fetch(`/api/v1${path}`, { method, headers: { 'X-CSRF-Token': csrfToken }, data })
    const text = await res.text()
    let body = null
    try { body = text ? JSON.parse(text) : null } catch { body = text }
    return { status: res.status(), body }
  }
  return { call, user, dispose: () => api.dispose() }
}

// A phone-sized browser context, as a resident opening a link or QR code would have.
export async function newPhonePage(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  return context.newPage()
}

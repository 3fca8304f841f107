// Sign-in, lockout, logout, password change and CSRF, against a running server.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, api, login, personBody, setCookies, PASSWORD } from './harness.mjs'

let srv
before(async () => { srv = await startServer({ extraArgs: ['--login-rate-per-minute', '1000'] }) })
after(async () => { assert.equal(await srv.stop(), 0, 'graceful shutdown exits 0') })

test('login returns a token, HttpOnly session cookie and CSRF cookie', async () => {
  const r = await api(srv.url, 'POST', '/api/v1/auth/login', { body: { username: 'counsellor_330499001001', password: PASSWORD } })
  assert.equal(r.status, 200)
  assert.ok(r.json.token.length >= 40)
  assert.equal(r.json.user.unit.code, '330499001001')
  assert.ok(r.json.user.permissions.includes('people.write'))
  const cookies = setCookies(r.headers)
  assert.ok(cookies.some((c) => c.startsWith('xinan_session=') && c.includes('HttpOnly') && c.includes('SameSite=Strict')))
  assert.ok(cookies.some((c) => c.startsWith('xinan_csrf=') && !c.includes('HttpOnly')))
  assert.ok(cookies.every((c) => c.includes('Max-Age=43200') && !c.includes('Secure')), 'the session\'s 12 h; plain http here')
  const me = await api(srv.url, 'GET', '/api/v1/auth/me', { auth: { token: r.json.token } })
  assert.equal(me.json.username, 'counsellor_330499001001')
})

test('wrong password is 401 and five failures lock the account (audited)', async () => {
  const user = 'partner_330499000000'
  for (let i = 0; i < 4; i++) {
    const r = await api(srv.url, 'POST', '/api/v1/auth/login', { body: { username: user, password: 'wrong-password' } })
    assert.equal(r.status, 401)
    assert.equal(r.json.code, 'login_failed')
  }
  const fifth = await api(srv.url, 'POST', '/api/v1/auth/login', { body: { username: user, password: 'wrong-password' } })
  assert.equal(fifth.status, 429)
  assert.equal(fifth.json.code, 'account_locked')
  const right = await api(srv.url, 'POST', '/api/v1/auth/login', { body: { username: user, password: PASSWORD } })
  assert.equal(right.status, 429, 'the right password is refused while locked')
  const admin = await login(srv.url, 'admin_330499000000')
  const audit = await api(srv.url, 'GET', `/api/v1/audit?action=auth.login_failed&username=${user}`, { auth: admin })
  assert.equal(audit.json.total, 6)
})

test('unknown users get the same 401 as wrong passwords', async () => {
  const r = await api(srv.url, 'POST', '/api/v1/auth/login', { body: { username: 'nobody', password: 'whatever-123' } })
  assert.equal(r.status, 401)
  assert.equal(r.json.code, 'login_failed')
})

test('logout revokes the token', async () => {
  const s = await login(srv.url, 'station_330499001000')
  assert.equal((await api(srv.url, 'GET', '/api/v1/auth/me', { auth: { token: s.token } })).status, 200)
  assert.equal((await api(srv.url, 'POST', '/api/v1/auth/logout', { auth: { token: s.token } })).status, 204)
  const after = await api(srv.url, 'GET', '/api/v1/auth/me', { auth: { token: s.token } })
  assert.equal(after.status, 401)
  assert.equal(after.json.code, 'unauthenticated')
})

test('password change enforces the policy and revokes every session', async () => {
  const user = 'psych_330499001000'
  const a = await login(srv.url, user)
  const b = await login(srv.url, user)
  const short = await api(srv.url, 'POST', '/api/v1/auth/password', { auth: a, body: { oldPassword: PASSWORD, newPassword: 'short' } })
  assert.equal(short.status, 422)
  assert.equal(short.json.errors[0].code, 'password_too_short')
  const withName = await api(srv.url, 'POST', '/api/v1/auth/password', { auth: { token: a.token }, body: { oldPassword: PASSWORD, newPassword: `x-${user}-x` } })
  assert.equal(withName.json.errors[0].code, 'password_contains_username')
  const ok = await api(srv.url, 'POST', '/api/v1/auth/password', { auth: { token: a.token }, body: { oldPassword: PASSWORD, newPassword: 'Brand-New-Pass-9' } })
  assert.equal(ok.status, 204)
  assert.equal((await api(srv.url, 'GET', '/api/v1/auth/me', { auth: { token: b.token } })).status, 401)
  assert.equal((await api(srv.url, 'POST', '/api/v1/auth/login', { body: { username: user, password: PASSWORD } })).status, 401)
  const mine = await login(srv.url, user, 'Brand-New-Pass-9')
  // An administrator's reset reads differently in the audit log from one's own change.
  const admin = await login(srv.url, 'admin_330499000000')
  assert.equal((await api(srv.url, 'POST', `/api/v1/users/${mine.user.id}/reset-password`, { auth: admin, body: { password: 'Reset-By-Admin-7' } })).status, 204)
  const latest = async (action) => (await api(srv.url, 'GET', `/api/v1/audit?action=${action}&pageSize=1`, { auth: admin })).json.items[0]
  const reset = await latest('user.password_reset')
  assert.deepEqual([reset.objectId, reset.actorUsername], [mine.user.id, 'admin_330499000000'])
  const own = await latest('user.password_change')
  assert.deepEqual([own.objectId, own.actorUsername], [mine.user.id, user])
})

test('cookie-authenticated writes need the CSRF header; bearer needs none', async () => {
  const s = await login(srv.url, 'counsellor_330499001001')
  const unitId = s.user.unit.id
  const count = async () => (await api(srv.url, 'GET', '/api/v1/people', { auth: { token: s.token } })).json.total
  const before = await count()
  const cookieOnly = { cookie: s.cookie }
  assert.match(s.cookie, /xinan_session=/)
  assert.match(s.cookie, /xinan_csrf=/)
  const me = await api(srv.url, 'GET', '/api/v1/auth/me', { auth: cookieOnly })
  assert.equal(me.status, 200, 'the session cookie alone authenticates reads')
  const noHeader = await api(srv.url, 'POST', '/api/v1/people', { auth: cookieOnly, body: personBody(unitId) })
  assert.equal(noHeader.status, 403)
  assert.equal(noHeader.json.code, 'csrf_failed')
  assert.match(noHeader.headers.get('content-type'), /^application\/problem\+json/)
  const wrong = await api(srv.url, 'POST', '/api/v1/people', { auth: { cookie: s.cookie, csrf: 'nope' }, body: personBody(unitId) })
  assert.equal(wrong.status, 403)
  assert.equal(wrong.json.code, 'csrf_failed')
  const other = await login(srv.url, 'counsellor_330499001001')
  const crossed = await api(srv.url, 'POST', '/api/v1/people', { auth: { cookie: s.cookie, csrf: other.csrf }, body: personBody(unitId) })
  assert.equal(crossed.status, 403, "another session's CSRF token does not match this cookie")
  const sessionOnly = s.cookie.split('; ').filter((c) => c.startsWith('xinan_session=')).join('; ')
  const planted = await api(srv.url, 'POST', '/api/v1/people', { auth: { cookie: `${sessionOnly}; xinan_csrf=planted`, csrf: 'planted' }, body: personBody(unitId) })
  assert.equal(planted.status, 403, 'a planted CSRF cookie repeated in the header is not the session\'s token')
  const logoutNoHeader = await api(srv.url, 'POST', '/api/v1/auth/logout', { auth: cookieOnly })
  assert.equal(logoutNoHeader.status, 403, 'logout is a write too')
  assert.equal(await count(), before, 'no refused request created anything')

  const right = await api(srv.url, 'POST', '/api/v1/people', { auth: { cookie: s.cookie, csrf: s.csrf }, body: personBody(unitId) })
  assert.equal(right.status, 201, right.text)
  const bearer = await api(srv.url, 'POST', '/api/v1/people', { auth: { token: s.token }, body: personBody(unitId) })
  assert.equal(bearer.status, 201, 'bearer writes need no CSRF header')
  assert.equal(await count(), before + 2)
  const read = await api(srv.url, 'GET', '/api/v1/people', { auth: cookieOnly })
  assert.equal(read.status, 200, 'reads need no CSRF header')
})

test('lockout is per account: another user still signs in; no token is issued while locked', async () => {
  const user = 'hotline_330499000000'
  for (let i = 0; i < 5; i++) {
    await api(srv.url, 'POST', '/api/v1/auth/login', { body: { username: user, password: `wrong-${i}-password` } })
  }
  const locked = await api(srv.url, 'POST', '/api/v1/auth/login', { body: { username: user, password: PASSWORD } })
  assert.equal(locked.status, 429)
  assert.equal(locked.json.code, 'account_locked')
  assert.equal(locked.json.token, undefined)
  assert.equal(setCookies(locked.headers).filter((c) => c.startsWith('xinan_session=') && !/xinan_session=;/.test(c)).length, 0)
  const en = await api(srv.url, 'POST', '/api/v1/auth/login', { body: { username: user, password: PASSWORD }, lang: 'en' })
  assert.equal(en.status, 429)
  assert.notEqual(en.json.detail, locked.json.detail, 'the lockout message is translated')
  await login(srv.url, 'station_330499002000')
})

test('on an https public address the cookies are Secure and live as long as the session may', async () => {
  const tls = await startServer({ residents: 2, extraArgs: ['--public-url', 'https://xinan.example.gov.cn', '--session-absolute-hours', '8'] })
  const r = await api(tls.url, 'POST', '/api/v1/auth/login', { body: { username: 'counsellor_330499001001', password: PASSWORD } })
  assert.equal(r.status, 200)
  const cookies = setCookies(r.headers)
  assert.equal(cookies.length, 2)
  assert.ok(cookies.every((c) => c.includes('; Secure') && c.includes('Max-Age=28800')), cookies.join(' | '))
  assert.equal(await tls.stop(), 0)
})

test('behind a trusted load balancer the sign-in rate limit counts per client, not per balancer', async () => {
  const lb = await startServer({ residents: 2, extraArgs: ['--login-rate-per-minute', '3', '--trusted-proxies', '127.0.0.1'] })
  const attempt = (client) => api(lb.url, 'POST', '/api/v1/auth/login', { body: { username: 'nobody', password: 'wrong-password' },
    headers: { 'X-Forwarded-For': client } })
  for (let i = 0; i < 3; i++) assert.equal((await attempt('198.51.100.1')).status, 401)
  assert.equal((await attempt('198.51.100.1')).status, 429, 'the fourth try of one client in a minute')
  assert.equal((await attempt('198.51.100.2')).status, 401, 'another client behind the same balancer is not blocked')
  assert.equal((await attempt('198.51.100.9, 198.51.100.1')).status, 429,
    'a blocked client cannot pick another address by writing one to the left of what the balancer appended')
  assert.equal(await lb.stop(), 0)
})

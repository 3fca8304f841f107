// The one HTTP wrapper: JSON in and out under /api/v1, the session cookie, the CSRF header on
// writes, the UI language as Accept-Language, and RFC 9457 problems turned into ApiError.
// A 401 outside sign-in forgets the user and goes to the login page.
import router from '@/router'
import { i18n } from '@/locales'
import { useUserStore } from '@/stores/user'
import { ApiError, queryString, readCookie } from './problem'

export { ApiError }

const BASE = '/api/v1'

export async function request(method, path, { params, body } = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': i18n.global.locale.value }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET') headers['X-CSRF-Token'] = readCookie(document.cookie, 'xinan_csrf')
  const res = await fetch(`${BASE}${path}${queryString(params)}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body !== undefined ? JSON.stringify(body) : undefined
  })
  if (res.status === 204) return null
  const type = res.headers.get('content-type') || ''
  const data = type.includes('json') ? await res.json().catch(() => null) : null
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/auth/')) onUnauthorized()
    throw new ApiError(res.status, data)
  }
  return data
}

function onUnauthorized() {
  useUserStore().forget()
  const current = router.currentRoute.value
  if (current.name !== 'login' && !current.meta.public) {
    router.push({ name: 'login', query: { redirect: current.fullPath } })
  }
}

export const http = {
  get: (path, params) => request('GET', path, { params }),
  post: (path, body) => request('POST', path, { body: body ?? {} }),
  put: (path, body) => request('PUT', path, { body }),
  del: (path) => request('DELETE', path)
}

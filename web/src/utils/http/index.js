// The one HTTP wrapper: JSON in and out under /api/v1 (and file downloads), the session cookie,
// the CSRF header on writes, the UI language as Accept-Language, and RFC 9457 problems turned
// into ApiError.
// A 401 outside sign-in forgets the user and goes to the login page.
import router from '@/router'
import { i18n } from '@/locales'
import { useUserStore } from '@/stores/user'
import { ApiError, dispositionFilename, queryString, readCookie } from './problem'

export { ApiError }

const BASE = '/api/v1'

// `body` goes as JSON; `text` (with `contentType`) goes as it is, e.g. a CSV upload.
export async function request(method, path, options = {}) {
  const res = await send(method, path, options)
  if (res.status === 204) return null
  return readJson(res)
}

// A file from the API (e.g. an Excel export) as {blob, filename}, the name being the one the
// server's Content-Disposition gives ('' if none); a failure throws ApiError like `request`.
export async function download(path, params) {
  const res = await send('GET', path, { params, accept: '*/*' })
  return { blob: await res.blob(), filename: dispositionFilename(res.headers.get('content-disposition')) }
}

// The fetch itself: headers, cookie, and a failed response thrown as ApiError.
async function send(method, path, { params, body, text, contentType, accept = 'application/json' }) {
  const headers = { Accept: accept, 'Accept-Language': i18n.global.locale.value }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (text !== undefined) headers['Content-Type'] = contentType || 'text/plain; charset=utf-8'
  if (method !== 'GET') headers['X-CSRF-Token'] = readCookie(document.cookie, 'xinan_csrf')
  const { t } = i18n.global
  let res
  try {
    res = await fetch(`${BASE}${path}${queryString(params)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: text !== undefined ? text : body !== undefined ? JSON.stringify(body) : undefined
    })
  } catch {
    throw new ApiError(0, null, t('common.networkError'))
  }
  if (!res.ok) {
    const data = await readJson(res)
    if (res.status === 401 && !path.startsWith('/auth/')) onUnauthorized()
    throw new ApiError(res.status, data, t('common.serverUnavailable', { status: res.status }))
  }
  return res
}

const readJson = (res) => ((res.headers.get('content-type') || '').includes('json') ? res.json().catch(() => null) : null)

function onUnauthorized() {
  useUserStore().forget()
  const current = router.currentRoute.value
  if (current.name !== 'login' && !current.meta.public) {
    router.push({ name: 'login', query: { redirect: current.fullPath } })
  }
}

// The full URL of an API resource opened by the browser itself (downloads, images).
export const apiUrl = (path, params) => `${BASE}${path}${queryString(params)}`

export const http = {
  get: (path, params) => request('GET', path, { params }),
  post: (path, body) => request('POST', path, { body: body ?? {} }),
  postText: (path, text, contentType) => request('POST', path, { text, contentType }),
  put: (path, body) => request('PUT', path, { body }),
  del: (path) => request('DELETE', path)
}

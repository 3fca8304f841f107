// The one HTTP wrapper: JSON in and out, session cookie, CSRF header on writes, the UI
// language as Accept-Language, and RFC 9457 problems turned into ApiError.
import router from '@/router'
import { i18n } from '@/locales'

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`)
    this.status = status
    this.code = problem?.code || 'http_error'
    this.errors = problem?.errors || []
  }
  // { field: message } for form display.
  fieldMessages() {
    return Object.fromEntries(this.errors.map((e) => [e.field, e.message]))
  }
}

function cookie(name) {
  const m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'))
  return m ? decodeURIComponent(m[1]) : ''
}

function query(params) {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') q.append(k, v)
  const s = q.toString()
  return s ? `?${s}` : ''
}

export async function request(method, path, { params, body } = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': i18n.global.locale.value }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET') headers['X-CSRF-Token'] = cookie('xinan_csrf')
  const res = await fetch(`/api/v1${path}${query(params)}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body !== undefined ? JSON.stringify(body) : undefined
  })
  if (res.status === 204) return null
  const type = res.headers.get('content-type') || ''
  const data = type.includes('json') ? await res.json() : null
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/auth/login')) {
      router.push({ name: 'login', query: { redirect: router.currentRoute.value.fullPath } })
    }
    throw new ApiError(res.status, data)
  }
  return data
}

export const http = {
  get: (path, params) => request('GET', path, { params }),
  post: (path, body) => request('POST', path, { body: body ?? {} }),
  put: (path, body) => request('PUT', path, { body }),
  del: (path) => request('DELETE', path)
}

// Pure pieces of the HTTP wrapper (no browser globals), unit-tested in web/test/:
// RFC 9457 problems as ApiError, query strings, and reading one cookie.

// A failed API call. `code` is the server's stable error code (e.g. `id_number_checksum`),
// `detail` its message in the request's language, `errors` the per-field validation errors.
export class ApiError extends Error {
  constructor(status, problem) {
    const p = problem && typeof problem === 'object' ? problem : {}
    super(p.detail || p.title || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.code = p.code || 'http_error'
    this.detail = p.detail || ''
    this.errors = Array.isArray(p.errors) ? p.errors : []
  }

  // { field: message } for showing server errors on form fields (the first error per field).
  fieldMessages() {
    const out = {}
    for (const e of this.errors) if (e?.field && !(e.field in out)) out[e.field] = e.message || e.code
    return out
  }
}

// `?a=1&b=x` from the set (not undefined/null/empty) values, or '' when none.
export function queryString(params) {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.append(k, v)
  }
  const s = q.toString()
  return s ? `?${s}` : ''
}

// The value of cookie `name` in a `document.cookie` string, or ''.
export function readCookie(cookies, name) {
  for (const part of (cookies || '').split(';')) {
    const i = part.indexOf('=')
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim())
  }
  return ''
}

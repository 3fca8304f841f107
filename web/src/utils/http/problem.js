// Pure pieces of the HTTP wrapper (no browser globals), unit-tested in web/test/:
// RFC 9457 problems as ApiError and their words, query strings, reading one cookie, and the
// file name of a download.

// A failed API call. `code` is the server's stable error code (e.g. `id_number_checksum`),
// `detail` its message in the request's language, `errors` the per-field validation errors.
// `fallback`: the words when there is no problem to read (status 0: the network failed; a proxy's
// HTML error page), already in the UI's language.
export class ApiError extends Error {
  constructor(status, problem, fallback = '') {
    const p = problem && typeof problem === 'object' ? problem : {}
    super(p.detail || p.title || fallback || `HTTP ${status}`)
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

// The words for a failed call shown away from any form field: the field errors' own messages
// (a 422's detail only says to check the marked fields), else the problem's detail, else the
// error's message. `separator` joins several messages (e.g. '；').
export function problemMessage(error, separator = '; ') {
  const fields = [...new Set((error?.errors || []).map((e) => e?.message || e?.code).filter(Boolean))]
  return fields.length ? fields.join(separator) : error?.detail || error?.message || ''
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

// The file name a Content-Disposition header gives (`filename*=UTF-8''…` before
// `filename="…"`), or '' when it gives none.
export function dispositionFilename(header) {
  const h = header || ''
  const star = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(h)
  if (star) {
    try { return decodeURIComponent(star[1].trim()) } catch { /* a bad encoding: try the plain name */ }
  }
  const plain = /filename\s*=\s*(?:"((?:\\.|[^"\\])*)"|([^;]+))/i.exec(h)
  if (!plain) return ''
  return plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2].trim()
}

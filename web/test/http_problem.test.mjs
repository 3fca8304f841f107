// Problem responses become ApiError with code, detail and field errors; query strings and
// the CSRF cookie are read as the server expects.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ApiError, queryString, readCookie } from '../src/utils/http/problem.js'

test('a validation problem keeps code, detail and field errors', () => {
  const e = new ApiError(422, {
    type: 'about:blank', title: 'Unprocessable', status: 422, code: 'validation_failed', detail: '输入有误',
    errors: [
      { field: 'idNumber', code: 'id_number_checksum', message: '身份证号校验位错误' },
      { field: 'idNumber', code: 'other', message: 'second message is dropped' },
      { field: 'phone', code: 'phone_format' }
    ]
  })
  assert.ok(e instanceof Error)
  assert.equal(e.status, 422)
  assert.equal(e.code, 'validation_failed')
  assert.equal(e.detail, '输入有误')
  assert.equal(e.message, '输入有误')
  assert.deepEqual(e.fieldMessages(), { idNumber: '身份证号校验位错误', phone: 'phone_format' })
})

test('a response without a problem body still gives a usable error', () => {
  for (const body of [null, 'text', { title: 'Bad Gateway' }]) {
    const e = new ApiError(502, body)
    assert.equal(e.code, 'http_error')
    assert.deepEqual(e.errors, [])
    assert.ok(e.message === 'HTTP 502' || e.message === 'Bad Gateway', e.message)
  }
})

test('query strings skip empty values and encode the rest', () => {
  assert.equal(queryString({ q: '张三', idNumber: '', tag: undefined, unitId: null, page: 1, pageSize: 20 }),
    `?q=${encodeURIComponent('张三')}&page=1&pageSize=20`)
  assert.equal(queryString({}), '')
  assert.equal(queryString(undefined), '')
})

test('the CSRF cookie is read by exact name', () => {
  const jar = 'xinan_csrf_old=zzz; xinan_csrf=abc%3D%3D; other=1'
  assert.equal(readCookie(jar, 'xinan_csrf'), 'abc==')
  assert.equal(readCookie(jar, 'missing'), '')
  assert.equal(readCookie('', 'xinan_csrf'), '')
})

// Problem responses become ApiError with code, detail and field errors, and the words to show
// for them; query strings, the CSRF cookie and download names are read as the server sends them.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ApiError, dispositionFilename, problemMessage, queryString, readCookie } from '../src/utils/http/problem.js'

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

test('without a problem to read, the error says what happened in the UI\'s words', () => {
  assert.equal(new ApiError(0, null, '网络连接失败，请检查网络后重试').message, '网络连接失败，请检查网络后重试')
  assert.equal(new ApiError(502, '<html>Bad Gateway</html>', '服务器暂时无法正常响应（502）').message, '服务器暂时无法正常响应（502）')
  assert.equal(new ApiError(409, { code: 'version_conflict', detail: '记录已被他人修改' }, 'fallback').message, '记录已被他人修改',
    'a problem\'s own detail comes first')
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

test('the words of a failure: field messages over the generic detail, else the detail', () => {
  const cases = [
    // [status, problem, expected]
    [422, { code: 'validation_failed', detail: '提交的内容有误，请检查标注的字段', errors: [{ field: 'scaleCode', code: 'scale_not_in_campaign', message: '该量表不属于本次测评活动' }] }, '该量表不属于本次测评活动'],
    [422, { detail: 'x', errors: [{ field: 'a', code: 'required', message: '此项必填' }, { field: 'b', code: 'required', message: '此项必填' }, { field: 'c', code: 'answer_missing' }] }, '此项必填；answer_missing'],
    [429, { code: 'self_assessment_rate_limited', detail: '提交过于频繁，请稍后再试' }, '提交过于频繁，请稍后再试'],
    [502, null, 'HTTP 502']
  ]
  for (const [status, problem, want] of cases) assert.equal(problemMessage(new ApiError(status, problem), '；'), want, `${status}`)
  assert.equal(problemMessage(new TypeError('Failed to fetch')), 'Failed to fetch')
})

test('download names come from Content-Disposition, the UTF-8 form first', () => {
  const cases = [
    ['attachment; filename="campaign-abc.xlsx"', 'campaign-abc.xlsx'],
    ['attachment; filename=report.pdf', 'report.pdf'],
    [`attachment; filename="a.xlsx"; filename*=UTF-8''${encodeURIComponent('普查-答卷.xlsx')}`, '普查-答卷.xlsx'],
    ['attachment; filename="say \\"hi\\".txt"', 'say "hi".txt'],
    ["attachment; filename*=UTF-8''%E0%A4%A; filename=\"plain.txt\"", 'plain.txt'],
    ['attachment', ''],
    [null, '']
  ]
  for (const [header, want] of cases) assert.equal(dispositionFilename(header), want, String(header))
})

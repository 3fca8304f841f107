// Rosters from Excel or CSV become the server's CSV; its line errors map back to file rows.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { rowsToRosterCsv, parseCsv, cellText, csvField } from '../src/views/campaigns/utils/roster.js'
import { lineErrors, decodeCsv } from '../src/utils/csv.js'

test('sheet rows with Chinese headers in any order become name,phone,unitCode,group', () => {
  const rows = [
    ['单位代码', '姓名', '分组', '手机号'],
    [330499001001, '张三', '初二(1)班', 13912345678],
    [null, null, null, null],
    ['330499001002', ' 李四 ', '', '']
  ]
  const r = rowsToRosterCsv(rows)
  assert.equal(r.csv, 'name,phone,unitCode,group\n张三,13912345678,330499001001,初二(1)班\n李四,,330499001002,\n')
  assert.deepEqual(r.sourceRows, [1, 2, 4])
  assert.equal(r.count, 2)
})

test('English headers, a title row above them, and values that need quoting', () => {
  const rows = [[], ['Name', 'Phone', 'UnitCode'], ['O"Brien, Pat', '139 1234 5678', '330499001001']]
  const r = rowsToRosterCsv(rows)
  assert.equal(r.csv, 'name,phone,unitCode,group\n"O""Brien, Pat",139 1234 5678,330499001001,\n')
  assert.deepEqual(r.sourceRows, [2, 3])
})

test('missing headers and empty files are reported, not sent', () => {
  assert.deepEqual(rowsToRosterCsv([['姓名', '手机号'], ['张三', '13912345678']]), { error: 'campaigns.rosterHeaderMissing', missing: ['unitCode'] })
  assert.deepEqual(rowsToRosterCsv([['phone'], ['1']]), { error: 'campaigns.rosterHeaderMissing', missing: ['name', 'unitCode'] })
  assert.equal(rowsToRosterCsv([]).error, 'campaigns.rosterEmpty')
  assert.equal(rowsToRosterCsv([['姓名', '单位代码'], [null, '']]).error, 'campaigns.rosterEmpty')
})

test('cells: integers without exponent, dates as days, newlines flattened', () => {
  assert.equal(cellText(330499001001), '330499001001')
  assert.equal(cellText(13912345678), '13912345678')
  assert.equal(cellText(1.5), '1.5')
  assert.equal(cellText(new Date(Date.UTC(2026, 8, 1))), '2026-09-01')
  assert.equal(cellText('a\r\nb'), 'a b')
  assert.equal(cellText(null), '')
  assert.equal(csvField(' x'), '" x"')
  assert.equal(csvField('plain'), 'plain')
})

test('server line errors point at the rows of the user\'s file', () => {
  const errors = [
    { field: 'line 3: phone', code: 'phone_format', message: '手机号格式不正确' },
    { field: 'line 2: name', code: 'required', message: '此项必填' },
    { field: 'file', code: 'roster_empty', message: 'empty' }
  ]
  assert.deepEqual(lineErrors(errors, [2, 3, 5]), [
    { row: null, column: 'file', code: 'roster_empty', message: 'empty' },
    { row: 3, column: 'name', code: 'required', message: '此项必填' },
    { row: 5, column: 'phone', code: 'phone_format', message: '手机号格式不正确' }
  ])
  assert.deepEqual(lineErrors([{ field: 'line 4', code: 'csv_columns' }], undefined), [{ row: 4, column: '', code: 'csv_columns', message: 'csv_columns' }])
})

test('CSV files: quotes, BOM, CRLF; UTF-8 or GB 18030', () => {
  assert.deepEqual(parseCsv('\uFEFF姓名,手机号\r\n"张,三",139\r\n'), [['姓名', '手机号'], ['张,三', '139']])
  assert.deepEqual(parseCsv('a,"b ""c"""\n'), [['a', 'b "c"']])
  const gbk = new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd])  // 张三 in GBK
  assert.equal(decodeCsv(gbk), '张三')
  assert.equal(decodeCsv(new TextEncoder().encode('张三')), '张三')
})

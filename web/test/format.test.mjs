// Display formats: instants in Asia/Shanghai whatever the browser's zone, and the report number.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatInstant, reportNumber } from '../src/utils/format.js'

test('instants show in Asia/Shanghai', () => {
  const cases = [
    ['2026-11-25T15:59:59Z', '2026-11-25 23:59:59'],
    ['2026-11-25T16:00:00Z', '2026-11-26 00:00:00'],  // past midnight in Shanghai
    ['', ''],
    ['not a date', 'not a date']
  ]
  for (const [iso, shown] of cases) assert.equal(formatInstant(iso), shown, iso)
})

test('a report number is the Shanghai date and the id\'s last 8 characters', () => {
  const id = '01a213d05aee44e9288ca8b8f28bfa36'
  assert.equal(reportNumber(id, '2026-11-25T03:00:00Z'), '20261125-F28BFA36')
  assert.equal(reportNumber(id, '2026-11-25T17:00:00Z'), '20261126-F28BFA36', 'the date of the district, not UTC')
})

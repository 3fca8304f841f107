// End to end (issue 3): a village counsellor takes PHQ-9 for a resident from the resident's
// page with the keyboard, sees the score, band and alert at once, sees the history chart, and
// opens the printable report (A4 print layout without the app chrome). Changing the scale after
// some answers asks before clearing them.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, launch, newPage, login, shot, createResidentViaApi } from './support.mjs'

const VILLAGE = 'counsellor_330499001001'
let browser
let resident

before(async () => {
  browser = await launch()
  resident = await createResidentViaApi(VILLAGE, `档案${Date.now() % 100000}`)
})
after(async () => { await browser?.close() })

async function takePhq9(page, digits) {
  await page.locator('[data-testid="assess-scale"]').click()
  await page.locator('[data-testid="scale-phq9"]').click()
  await page.locator('[data-testid="q-1"]').waitFor()
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === 'q-1')
  for (const d of digits) await page.keyboard.press(String(d))  // each digit answers and moves on
  // After the last answer the focus is on the (now enabled) submit button: one Enter submits.
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === 'assess-submit')
  await page.keyboard.press('Enter')
  await page.locator('[data-testid="assess-result"]').waitFor()
}

test('a counsellor assesses a resident by keyboard, sees the result, the chart and the report', async () => {
  const page = await newPage(browser)
  await login(page, VILLAGE)
  await page.goto(`${BASE}/people/${resident.id}`)
  await page.locator('[data-testid="person-record"]').waitFor()

  await takePhq9(page, [2, 2, 2, 1, 1, 1, 1, 0, 0])
  assert.equal(await page.locator('[data-testid="assess-total"]').innerText(), '10')
  assert.match(await page.locator('[data-testid="assess-result"]').innerText(), /中度抑郁/)
  assert.match(await page.locator('[data-testid="assess-alert"]').innerText(), /黄色/, 'PHQ-9 ≥ 10 raises a yellow alert')

  await takePhq9(page, [1, 1, 1, 1, 0, 0, 0, 0, 0])
  assert.equal(await page.locator('[data-testid="assess-total"]').innerText(), '4')
  const history = page.locator('[data-testid="assess-history"] .el-table__body tr')
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="assess-history"] .el-table__body tr').length === 2)
  assert.equal(await history.count(), 2)
  await page.locator('[data-testid="assess-chart-phq9"] canvas').waitFor()
  await shot(page, '10-psychological-record')

  await page.locator('[data-testid="assess-open-report"]').click()
  const report = page.locator('[data-testid="assessment-report"]')
  await report.waitFor()
  assert.equal(await page.locator('[data-testid="report-total"]').innerText(), '4')
  assert.match(await page.locator('[data-testid="report-number"]').innerText(), /^报告编号：\d{8}-[0-9A-F]{8}$/, 'a number to read out, not the 32-character id')
  assert.match(await report.innerText(), new RegExp(resident.name))
  assert.equal(await page.locator('[data-testid="report-answers"] tbody tr').count(), 9)
  await page.locator('[data-testid="report-band-chart"] canvas').waitFor()
  await shot(page, '11-assessment-report')
  await page.emulateMedia({ media: 'print' })
  assert.equal(await page.locator('.app-chrome').first().isVisible(), false, 'no menu or header on paper')
  assert.equal(await page.locator('[data-testid="report-print"]').isVisible(), false)
  await shot(page, '12-assessment-report-print')
  await page.context().close()
})

test('changing the scale after some answers asks before clearing them', async () => {
  const page = await newPage(browser)
  await login(page, VILLAGE)
  await page.goto(`${BASE}/people/${resident.id}`)
  await page.locator('[data-testid="assess-scale"]').click()
  await page.locator('[data-testid="scale-phq9"]').click()
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === 'q-1')
  await page.keyboard.press('2')
  await page.locator('[data-testid="q-1-2"].is-checked').waitFor()

  const pickGad7 = async () => {
    await page.locator('[data-testid="assess-scale"]').click()
    await page.locator('[data-testid="scale-gad7"]').click()
    await page.locator('.el-message-box').getByText('已作答 1 题').waitFor()
  }
  await pickGad7()
  await page.locator('.el-message-box').getByRole('button', { name: '继续作答' }).click()
  await page.locator('.el-message-box').waitFor({ state: 'hidden' })
  assert.equal(await page.locator('[data-testid="q-1-2"].is-checked').count(), 1, 'the answer is kept')
  assert.equal(await page.locator('[data-testid="q-9"]').count(), 1, 'still PHQ-9')

  await pickGad7()
  await page.locator('.el-message-box').getByRole('button', { name: '清空答案' }).click()
  await page.locator('[data-testid="q-9"]').waitFor({ state: 'detached' })  // GAD-7 has 7 questions
  assert.equal(await page.locator('[data-testid="q-1"] .is-checked').count(), 0, 'a new, empty form')
  await page.context().close()
})

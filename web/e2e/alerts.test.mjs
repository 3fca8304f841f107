// End to end (issue 3): a resident opens the village's self-assessment link on a phone, answers
// PHQ-9 with item 9 positive and sees the crisis message; the village counsellor finds the red
// alert through the notification bell and on top of the inbox, acknowledges, starts and closes it;
// the sibling village sees nothing.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, launch, newPage, login, shot } from './support.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

test('a critical self-assessment shows the crisis line on a phone', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' })
  const page = await context.newPage()
  await page.goto(`${BASE}/s/330499001001?scale=phq9`)
  await page.locator('[data-testid="self-agree"]').click()
  await page.locator('[data-testid="self-start"]').click()
  await page.getByText('在过去两周里，您有多少时候受到以下问题的困扰？').waitFor()  // the time frame
  for (let i = 1; i <= 8; i++) await page.locator(`[data-testid="q-${i}-0"]`).click()
  await page.locator('[data-testid="q-9-1"]').click()
  await page.locator('[data-testid="self-submit"]').click()
  const crisis = page.locator('[data-testid="self-crisis"]')
  await crisis.waitFor()
  assert.match(await crisis.innerText(), /12356/)
  await shot(page, '04-self-assessment-crisis-phone')
  await page.goto(`${BASE}/s/999999999999?scale=phq9`)  // an unknown unit: said before any answer
  await page.locator('[data-testid="self-error"]').waitFor()
  assert.equal(await page.locator('[data-testid="self-agree"]').count(), 0, 'no consent, no questions')
  await context.close()
})

test('the village counsellor is notified, sees the red alert on top, acknowledges, starts and closes it', async () => {
  const page = await newPage(browser)
  await login(page, 'counsellor_330499001001')
  // Home shows the work waiting: the red alert counted and listed; the count opens the inbox
  // filtered to that level.
  const summary = page.locator('[data-testid="work-summary"]')
  await summary.locator('[data-testid="home-alert"]').first().getByText('红色').waitFor()
  assert.match(await summary.locator('[data-testid="home-count-red"]').innerText(), /红色\s*[1-9]/)
  assert.match(await summary.locator('[data-testid="home-unread"]').innerText(), /未读通知 [1-9]/)
  await shot(page, '05-home-work-summary')
  await summary.locator('[data-testid="home-count-red"]').click()
  await page.waitForURL(/\/alerts\?level=red/)
  await page.locator('[data-testid="alert-table"] [data-testid="alert-level-red"]').first().waitFor()
  assert.equal(await page.locator('[data-testid="alert-table"] [data-testid="alert-level-orange"], [data-testid="alert-table"] [data-testid="alert-level-yellow"]').count(), 0)
  // The bell counts the unit's unread notifications; one opens the alert with its timeline.
  await page.locator('[data-testid="notification-badge"] sup').waitFor()
  await page.locator('[data-testid="notification-bell"]').click()
  await page.locator('[data-testid="notification-item"]').first().getByText('PHQ-9 ·').waitFor()  // which scale raised it
  await page.locator('[data-testid="notification-item"]').first().click()
  const drawer = page.locator('[data-testid="alert-drawer"]')
  await drawer.locator('[data-testid="alert-timeline"]').getByText('触发预警').waitFor()
  await drawer.getByText('患者健康问卷抑郁量表（PHQ-9）').waitFor()  // the scale by name, not its code
  await drawer.locator('[data-testid="alert-timeline"]').getByText('居民自评').waitFor()  // who raised it, in words
  assert.equal(await drawer.locator('[data-testid="alert-show-contact"]').count(), 0, 'an anonymous alert has no contact to show')
  // The report of a minimal total with a critical answer never says "no marked distress".
  await drawer.locator('[data-testid="alert-report"]').click()
  const interpretation = page.locator('[data-testid="report-interpretation"]')
  await interpretation.waitFor()
  assert.doesNotMatch(await interpretation.innerText(), /未提示明显的心理困扰/)
  await page.goBack()
  await drawer.waitFor()
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })
  const table = page.locator('[data-testid="alert-table"]')
  await table.locator('[data-testid="alert-level-red"]').first().waitFor()
  const firstRow = table.locator('.el-table__body tr').first()
  assert.match(await firstRow.innerText(), /红色/)
  await firstRow.getByText('PHQ-9', { exact: true }).waitFor()  // the scale's abbreviation in the narrow column
  await shot(page, '05-alert-inbox-red-on-top')
  await firstRow.locator('[data-testid="alert-ack"]').click()
  await firstRow.getByText('已响应').waitFor()
  await firstRow.locator('[data-testid="alert-start"]').click()
  await firstRow.getByText('处置中').waitFor()
  await firstRow.locator('[data-testid="alert-close"]').click()
  await page.locator('[data-testid="outcome-contacted_safe"]').click()
  await page.locator('[data-testid="alert-close-confirm"]').click()
  await page.locator('.el-dialog').first().waitFor({ state: 'hidden' })
  await page.waitForLoadState('networkidle')
  assert.equal(await table.locator('[data-testid="alert-level-red"]').count(), 0, 'the closed alert left the open inbox')
  await page.context().close()
})

test('a counsellor of the sibling village sees no alert', async () => {
  const page = await newPage(browser)
  await login(page, 'counsellor_330499001002')
  await page.locator('[data-testid="menu-alerts"]').click()
  await page.waitForLoadState('networkidle')
  const table = page.locator('[data-testid="alert-table"]')
  await table.locator('.el-table__empty-text').waitFor()
  assert.equal(await table.locator('[data-testid^="alert-level-"]').count(), 0)
  await page.context().close()
})

test('a hotline operator reads the district inbox, sees where an alert came from, and is offered no action', async () => {
  const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), i === 8 ? 1 : 0]))
  const res = await fetch(`${BASE}/api/v1/public/units/330499001001/assessments`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scaleCode: 'phq9', answers, consent: true })
  })
  assert.equal(res.status, 201)
  const page = await newPage(browser)
  await login(page, 'hotline_330499000000')
  await page.goto(`${BASE}/alerts?level=red`)
  const row = page.locator('[data-testid="alert-table"] .el-table__body tr').first()
  await row.getByText('东湖村').waitFor()  // the village it was raised in
  assert.match(await row.innerText(), /匿名自评/)
  assert.equal(await page.locator('[data-testid="alert-ack"], [data-testid="alert-close"]').count(), 0, 'reading only: no acknowledge or close')
  await page.context().close()
})

test('a named K10 result that raised no alert is on the village\'s result list; its contact opens on request', async () => {
  const answers = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), 5]))
  const res = await fetch(`${BASE}/api/v1/public/units/330499001001/assessments`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scaleCode: 'k10', answers, consent: true, respondent: { name: '结果页测试', phone: '13900006666' } })
  })
  assert.equal(res.status, 201)
  const page = await newPage(browser)
  await login(page, 'counsellor_330499001001')
  await page.locator('[data-testid="menu-results"]').click()
  await page.locator('[data-testid="results-identified"]').click()
  const row = page.locator('[data-testid="results-table"] .el-table__body tr', { hasText: '结果页测试' }).first()
  await row.waitFor()
  assert.match(await row.innerText(), /139\*\*\*\*6666/, 'masked in the list')
  assert.match(await row.innerText(), /K10/)
  await shot(page, '21-result-list')
  await row.locator('[data-testid="results-show-contact"]').click()
  await row.getByText('13900006666').waitFor()
  await page.context().close()
})

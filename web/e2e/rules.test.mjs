// End to end (issue 3): the district admin manages warning rules — the form refuses a rule
// without a condition; a new rule appears in the list. A counsellor has no such menu, and the
// address typed by hand says the role may not open it.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, launch, newPage, login, field, shot } from './support.mjs'

const ADMIN = 'admin_330499000000'
let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

// The district admin on the rules page with a new rule's form open and named.
async function openNewRule(name) {
  const page = await newPage(browser)
  await login(page, ADMIN)
  await page.locator('[data-testid="menu-rules"]').click()
  await page.locator('[data-testid="rules-table"]').waitFor()
  await page.locator('[data-testid="rules-create"]').click()
  await field(page, 'rule-name').fill(name)
  return page
}

// The text of the rules list's row for `name`, found by the list's search.
async function listedRow(page, name) {
  await field(page, 'rules-search-name').fill(name)
  await page.locator('[data-testid="rules-search"]').click()
  const table = page.locator('[data-testid="rules-table"]')
  await table.getByText(name).waitFor()
  return table.locator('.el-table__body tr').first().innerText()
}

test('the district admin creates a warning rule and finds it in the list', async () => {
  const name = `初二学生 PHQ-9 ≥ 18 ${Date.now() % 100000}`
  const page = await openNewRule(name)
  await page.locator('[data-testid="rule-save"]').click()
  const conditions = page.locator('[data-testid="rule-conditions"] .el-form-item__error')
  await conditions.waitFor()
  assert.match(await conditions.innerText(), /至少需要一个条件/)

  await page.locator('[data-testid="rule-level-orange"]').click()
  await page.locator('[data-testid="rule-scale"]').click()
  await page.locator('[data-testid="rule-scale-phq9"]').click()
  await field(page, 'rule-min-total').fill('18')
  await field(page, 'rule-min-total').press('Tab')
  await conditions.waitFor({ state: 'detached' })
  await page.locator('[data-testid="rule-save"]').click()
  await page.locator('.el-dialog').first().waitFor({ state: 'hidden' })

  const row = await listedRow(page, name)
  assert.match(row, /橙色/)
  assert.match(row, /总分 ≥ 18/)
  await shot(page, '13-warning-rules')
  await page.context().close()
})

test('a rule bounded from above (WHO-5 ≤ 28): an empty band is refused in the form, the saved rule reads "总分 ≤ 28"', async () => {
  const name = `WHO-5 ≤ 28 ${Date.now() % 100000}`
  const page = await openNewRule(name)
  await page.locator('[data-testid="rule-scale"]').click()
  await page.locator('[data-testid="rule-scale-who5"]').click()
  await field(page, 'rule-min-total').fill('40')
  await field(page, 'rule-min-total').press('Tab')
  await field(page, 'rule-max-total').fill('28')
  await field(page, 'rule-max-total').press('Tab')
  const band = page.locator('.el-form-item:has([data-testid="rule-max-total"]) .el-form-item__error')
  await band.waitFor()
  assert.match(await band.innerText(), /总分上限不能低于总分下限/)
  await field(page, 'rule-min-total').fill('')
  await field(page, 'rule-min-total').press('Tab')
  await page.locator('[data-testid="rule-save"]').click()
  await page.locator('.el-dialog').first().waitFor({ state: 'hidden' })
  const row = await listedRow(page, name)
  assert.match(row, /总分 ≤ 28/)
  assert.doesNotMatch(row, /总分 ≥/)
  await page.context().close()
})

test('a village counsellor has no warning-rule menu, and typing its address says why it stays home', async () => {
  const page = await newPage(browser)
  await login(page, 'counsellor_330499001001')
  assert.equal(await page.locator('[data-testid="menu-rules"]').count(), 0)
  await page.goto(`${BASE}/rules`)
  await page.locator('.el-message').getByText('您的角色无权访问该页面').waitFor()
  // The guard says why before its redirect lands: wait for the address, do not race it.
  await page.waitForURL((u) => new URL(u).pathname === '/')
  await page.context().close()
})

// End to end: a village counsellor registers a resident and sees it masked; a counsellor of
// the sibling village cannot find it; the UI switches to English.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, launch, newPage, newPhonePage, login, field, shot, fictionalIdNumber } from './support.mjs'

const VILLAGE = 'counsellor_330499001001'
const SIBLING = 'counsellor_330499001002'
const name = `测试${Date.now() % 100000}`
const idNumber = fictionalIdNumber()
let browser

before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

test('village counsellor registers a resident and sees a masked ID', async () => {
  const page = await newPage(browser)
  await login(page, VILLAGE)
  await page.locator('[data-testid="menu-people"]').click()
  await page.locator('[data-testid="people-create"]').click()
  await field(page, 'person-name').fill(name)
  await field(page, 'person-id-number').fill(idNumber)
  await field(page, 'person-phone').click()  // blur the ID field: birth date and gender follow from it
  await field(page, 'person-phone').fill('13912345678')
  await page.locator('[data-testid="person-save"]').click()
  await page.locator('.el-dialog').waitFor({ state: 'hidden' })
  await field(page, 'people-search-name').fill(name)
  await page.locator('[data-testid="people-search"]').click()
  const table = page.locator('[data-testid="people-table"]')
  await table.getByText(name).waitFor()
  const text = await table.innerText()
  const masked = `${idNumber.slice(0, 4)}**********${idNumber.slice(14)}`
  assert.ok(text.includes(masked), `masked ID ${masked} shown`)
  assert.ok(!text.includes(idNumber), 'full ID number not shown in the list')
  assert.ok(text.includes('139****5678'), 'masked phone shown')
  await shot(page, '01-resident-created-masked')
  await page.context().close()
})

test('registering the same ID number again shows the error on the ID field', async () => {
  const page = await newPage(browser)
  await login(page, VILLAGE)
  await page.locator('[data-testid="menu-people"]').click()
  await page.locator('[data-testid="people-create"]').click()
  await page.locator('[data-testid="person-save"]').click()  // empty: "required" under the birth date
  const birthItem = page.locator('.el-form-item', { hasText: '出生日期' })
  await birthItem.locator('.el-form-item__error').waitFor()
  await field(page, 'person-name').fill(`${name}重复`)
  await field(page, 'person-id-number').fill(idNumber)
  await field(page, 'person-phone').click()  // blur: birth date and gender filled, their errors gone
  await birthItem.locator('.el-form-item__error').waitFor({ state: 'detached' })
  await page.locator('[data-testid="person-save"]').click()
  const idItem = page.locator('.el-form-item:has([data-testid="person-id-number"])')
  await idItem.locator('.el-form-item__error').getByText('该身份证号已登记').waitFor()
  assert.equal(await page.locator('[data-testid="person-form-error"]').count(), 0, 'no "changed by someone else" alert')
  await page.context().close()
})

test('a counsellor of the sibling village does not find it', async () => {
  const page = await newPage(browser)
  await login(page, SIBLING)
  await page.locator('[data-testid="menu-people"]').click()
  await page.waitForLoadState('networkidle')
  await field(page, 'people-search-name').fill(name)
  await page.locator('[data-testid="people-search"]').click()
  await page.waitForLoadState('networkidle')
  const table = page.locator('[data-testid="people-table"]')
  await table.locator('.el-table__empty-text').waitFor()
  assert.ok(!(await table.innerText()).includes(name), 'sibling village sees nothing')
  await shot(page, '02-sibling-sees-nothing')
  await page.goto(`${BASE}/no/such/page`)  // an unknown address says so instead of showing home
  await page.locator('[data-testid="page-not-found"]').getByText('页面不存在').waitFor()
  await page.context().close()
})

test('the language switches to English', async () => {
  const page = await newPage(browser)
  await login(page, VILLAGE)
  assert.ok((await page.locator('[data-testid="side-menu"]').innerText()).includes('居民档案'))
  await page.locator('[data-testid="language-switch"]').click()
  await page.locator('[data-testid="lang-en"]').click()
  await page.locator('[data-testid="side-menu"]').getByText('Residents').waitFor()
  assert.ok((await page.locator('[data-testid="side-menu"]').innerText()).includes('Residents'))
  await shot(page, '03-english')
  await page.context().close()
})

test('on a phone the menu opens from the header and the resident list is usable', async () => {
  const page = await newPhonePage(browser)
  await login(page, 'counsellor_330499001001')
  assert.equal(await page.locator('.aside').count(), 0, 'no fixed sidebar taking half the screen')
  await page.locator('[data-testid="menu-toggle"]').click()
  await page.locator('[data-testid="menu-people"]').click()
  await page.waitForURL(/\/people$/)
  await page.locator('[data-testid="people-table"] .el-table__body tr').first().waitFor()
  await page.locator('.el-drawer').waitFor({ state: 'hidden' })  // the menu closed after the choice
  await shot(page, '20-phone-resident-list')
  await page.context().close()
})

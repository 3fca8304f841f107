// End to end: a wrong password shows the server's message; a counsellor opens a record of
// the sibling village by break-glass (reason required) and sees it flagged; the district admin
// finds that access in the break-glass log, verifies the audit chain, and sees the org tree
// and the users of the district.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, launch, newPage, login, field, shot, createResidentViaApi, apiSession } from './support.mjs'

const ADMIN = 'admin_330499000000'
const SIBLING = 'counsellor_330499001002'
const REASON = `危机干预需要紧急查看档案 ${Date.now() % 100000}`
let browser
let resident

before(async () => {
  browser = await launch()
  resident = await createResidentViaApi('counsellor_330499001001', `调阅${Date.now() % 100000}`)
  const owner = await apiSession('counsellor_330499001001')  // one result in the resident's record
  const answers = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [String(i + 1), 2]))
  const r = await owner.call('POST', `/people/${resident.id}/assessments`, { scaleCode: 'gad7', answers })
  await owner.dispose()
  if (r.status !== 201) throw new Error(`assessment: ${r.status} ${JSON.stringify(r.body)}`)
})
after(async () => { await browser?.close() })

test('a wrong password shows the server\'s message', async () => {
  const page = await newPage(browser)
  await page.goto(`${BASE}/login`)
  await field(page, 'login-username').fill('hotline_330499000000')
  await field(page, 'login-password').fill('not-the-password-1')
  await page.locator('[data-testid="login-submit"]').click()
  const error = page.locator('[data-testid="login-error"]')
  await error.waitFor()
  const text = (await error.innerText()).trim()
  assert.ok(text.length > 0 && !/^HTTP \d+$/.test(text), `problem detail shown: ${text}`)
  assert.equal(new URL(page.url()).pathname, '/login')
  await page.context().close()
})

test('break-glass needs a reason and opens the sibling village\'s record, flagged', async () => {
  const page = await newPage(browser)
  await login(page, SIBLING)
  await page.locator('[data-testid="menu-people"]').click()
  await page.locator('[data-testid="break-glass"]').click()
  await field(page, 'break-glass-id-number').fill(resident.idNumber)
  await field(page, 'break-glass-reason').fill('太短')
  await page.locator('[data-testid="break-glass-submit"]').click()
  await page.locator('.el-dialog .el-form-item__error').first().waitFor()  // the client refuses a short reason
  await field(page, 'break-glass-reason').fill(REASON)
  await field(page, 'break-glass-id-number').fill('11010519491231002X')  // valid, but nobody has it
  await page.locator('[data-testid="break-glass-submit"]').click()
  await page.locator('.el-dialog .el-form-item__error').getByText('没有登记该身份证号的居民').waitFor()
  assert.equal(await page.locator('[data-testid="break-glass-error"]').count(), 0, 'said once, on the field')
  await field(page, 'break-glass-id-number').fill(resident.idNumber)
  await page.locator('[data-testid="break-glass-submit"]').click()
  await page.locator('[data-testid="person-via-break-glass"]').waitFor()
  assert.equal(await page.locator('[data-testid="person-id-number-full"]').innerText(), resident.idNumber)
  assert.ok((await page.locator('[data-testid="person-detail"]').innerText()).includes(resident.name))
  assert.equal(await page.locator('[data-testid="person-edit"]').count(), 0, 'no editing through break-glass')
  await page.locator('[data-testid="assess-history"]').getByText('14', { exact: true }).waitFor()  // the record's GAD-7 result shows
  assert.equal(await page.locator('[data-testid="assess-scale"]').count(), 0, 'and no new assessment through it')
  await shot(page, '06-break-glass-detail')
  await page.context().close()
})

test('the district admin sees the access, a verified audit chain, the org tree and users', async () => {
  const page = await newPage(browser)
  await login(page, ADMIN)
  await page.locator('[data-testid="menu-breakGlass"]').click()
  const grants = page.locator('[data-testid="break-glass-table"]')
  await grants.getByText(REASON).waitFor()
  assert.ok((await grants.innerText()).includes(SIBLING))
  await grants.getByText(resident.name).first().waitFor()  // whose record, by name, not by id
  assert.ok(await grants.locator('[data-testid="break-glass-active"]').count() > 0, 'a grant still running is marked')
  await shot(page, '07-break-glass-log')

  // The name opens what was done with the record: the audit log filtered to the resident.
  await grants.locator('[data-testid="break-glass-person"]', { hasText: resident.name }).first().click()
  await page.waitForURL((u) => new URL(u).pathname === '/audit')
  assert.equal(await field(page, 'audit-person').inputValue(), resident.id)
  await page.locator('[data-testid="audit-table"]').getByText(SIBLING).first().waitFor()
  await page.locator('[data-testid="audit-verify"]').click()
  const verdict = page.locator('[data-testid="audit-verify-result"]')
  await verdict.waitFor()
  assert.match(await verdict.innerText(), /审计链完整/)
  // Actions and recorded reasons in words: the break-glass read of the resident's record.
  await page.locator('[data-testid="audit-table"]').getByText('查看居民档案').first().waitFor()
  await page.locator('[data-testid="audit-table"]').getByText('紧急调阅', { exact: true }).first().waitFor()
  await shot(page, '08-audit-verified')

  await page.locator('[data-testid="menu-org"]').click()
  await page.locator('[data-testid="org-node-330499000000"]').waitFor()
  assert.ok(await page.locator('[data-testid="org-node-330499001001"]').isVisible())
  await shot(page, '09-org-tree')

  await page.locator('[data-testid="menu-users"]').click()
  await field(page, 'users-search-name').fill(SIBLING)
  await page.locator('[data-testid="users-search"]').click()
  await page.locator('[data-testid="users-table"]').getByText(SIBLING).waitFor()
  await page.context().close()
})

test('the district admin adds a village, deactivates and deletes it after confirming', async () => {
  const page = await newPage(browser)
  await login(page, ADMIN)
  await page.locator('[data-testid="menu-org"]').click()
  const town = page.locator('[data-testid="org-node-330499001000"]')
  await town.locator('[data-testid="org-create-child"]').click()
  assert.equal(await field(page, 'org-code').inputValue(), '330499001', 'the code starts from the parent prefix')
  const code = `330499001${100 + Math.floor(Math.random() * 900)}`
  const name = `测试村${code.slice(-3)}`
  await field(page, 'org-code').fill(code)
  await field(page, 'org-name').fill(name)
  await page.locator('[data-testid="org-save"]').click()
  const node = page.locator(`[data-testid="org-node-${code}"]`)
  await node.waitFor()
  const confirmBox = async () => {
    const box = page.locator('.el-message-box')
    await box.waitFor()
    await box.locator('.el-button--primary').click()
    await box.waitFor({ state: 'hidden' })
  }
  await node.locator('[data-testid="org-toggle-active"]').click()
  await confirmBox()
  await node.locator('[data-testid="org-inactive"]').waitFor()
  await node.locator('[data-testid="org-delete"]').click()
  await confirmBox()
  await node.waitFor({ state: 'detached' })
  await page.context().close()
})

test('the district admin imports units from a CSV file: a bad row imports nothing, then the fixed file does', async () => {
  const page = await newPage(browser)
  await login(page, ADMIN)
  await page.locator('[data-testid="menu-org"]').click()
  await page.locator('[data-testid="org-import"]').click()
  const dialog = page.locator('[data-testid="org-import-dialog"]')
  const n = 100 + Math.floor(Math.random() * 800)
  const town = `330499${n}000`, village = `330499${n}001`
  const file = (rows) => ({ name: '机构.csv', mimeType: 'text/csv', buffer: Buffer.from(['code,name,level,parent_code,hotline', ...rows].join('\n') + '\n', 'utf8') })
  await dialog.locator('[data-testid="org-import-file"]').setInputFiles(file([`${town},导入街道${n},街道,330499000000,`, `${village},导入社区${n},社区,330499001000,`]))
  assert.match(await dialog.locator('[data-testid="org-import-chosen"]').innerText(), /共 2 行/)
  await dialog.locator('[data-testid="org-import-submit"]').click()
  const errors = dialog.locator('[data-testid="org-import-errors"]')
  await errors.waitFor()
  const row = errors.locator('.el-table__body tr').first()
  assert.match(await row.innerText(), /3[\s\S]*区划代码[\s\S]*区划代码与上级机构不一致/, 'row 3 of the file, the column and the reason')
  assert.equal(await page.locator(`[data-testid="org-node-${town}"]`).count(), 0, 'nothing imported')
  await shot(page, '19-org-import-error')
  await dialog.locator('[data-testid="org-import-file"]').setInputFiles(file([`${town},导入街道${n},街道,330499000000,`, `${village},导入社区${n},社区,${town},`]))
  await dialog.locator('[data-testid="org-import-submit"]').click()
  await dialog.locator('[data-testid="org-import-message"]').getByText('已导入 2 个机构').waitFor()
  await page.locator(`[data-testid="org-node-${village}"]`).waitFor()  // the tree reloaded with both
  await page.context().close()
})

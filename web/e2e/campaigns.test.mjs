// End to end (issue 3): a village counsellor creates a screening campaign and imports a roster
// (a CSV with a bad line shows the line-numbered error and imports nothing; the corrected one
// comes as .xlsx); a resident on the roster answers through the campaign's link on a phone, and
// the campaign's coverage goes up.
// A mild result reads as mild, not as "doing well"; the export downloads under the campaign's
// name. A campaign that hides results thanks the respondent without showing a score, and its
// poster does not promise results; a link naming a scale outside the campaign says so before
// the first question; a refused submission is said beside the submit button; a hotline operator
// is offered no export.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { BASE, launch, newPage, newPhonePage, login, field, shot, apiSession } from './support.mjs'
import { xlsx } from './xlsx.mjs'

const VILLAGE = 'counsellor_330499001001'
const UNIT = '330499001001'
let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const csvFile = (text) => ({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') })
const xlsxFile = (rows) => ({ name: '名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx(rows) })

async function answerPhq9(page, values, { expectResult = true } = {}) {
  await page.locator('[data-testid="self-agree"]').click()
  await page.locator('[data-testid="self-start"]').click()
  for (let i = 1; i <= 9; i++) await page.locator(`[data-testid="q-${i}-${values[i - 1]}"]`).click()
  await page.locator('[data-testid="self-submit"]').click()
  if (expectResult) await page.locator('[data-testid="self-result"]').waitFor()
}

test('campaign: create, roster import (bad line rejected), answer by link on a phone, coverage rises', async () => {
  const name = `东湖村心理普查 ${Date.now() % 100000}`
  const page = await newPage(browser)
  await login(page, VILLAGE)
  await page.locator('[data-testid="menu-campaigns"]').click()
  await page.locator('[data-testid="campaigns-create"]').click()
  await field(page, 'campaign-name').fill(name)
  await field(page, 'campaign-target-group').fill('东湖村 18 岁以上居民')
  await page.locator('[data-testid="campaign-save"]').click()
  await page.locator('[data-testid="campaign-title"]').getByText(name).waitFor()
  // No roster and no declared target yet: coverage is unknown, not 0 %.
  await page.locator('[data-testid="campaign-coverage"]').getByText('—').waitFor()

  // A roster with a bad phone on line 3: the error names the line and nothing is imported.
  const file = page.locator('[data-testid="roster-file"]')
  await file.setInputFiles(csvFile(`姓名,手机号,单位代码,分组\n周一,13900000001,${UNIT},一组\n吴二,12345,${UNIT},一组\n`))
  const errors = page.locator('[data-testid="roster-errors"]')
  await errors.waitFor()
  const errorRow = await errors.locator('.el-table__body tr').first().innerText()
  assert.match(errorRow, /^3\s/, `line 3 is named: ${errorRow}`)
  assert.match(errorRow, /手机号/)
  await page.locator('[data-testid="roster-table"] .el-table__empty-text').waitFor()
  await errors.scrollIntoViewIfNeeded()
  await shot(page, '14-roster-line-error')

  const phone = `139${String(Date.now() % 100000000).padStart(8, '0')}`
  // The corrected roster as Excel, columns in another order, phones and codes as numbers.
  await file.setInputFiles(xlsxFile([['分组', '姓名', '单位代码', '手机号'], ['一组', '周一', Number(UNIT), Number(phone)], ['二组', '吴二', Number(UNIT), 13900000002]]))
  await page.locator('[data-testid="roster-message"]').getByText('已导入 2 人').waitFor()
  await page.locator('[data-testid="roster-table"]').getByText('周一').waitFor()
  await page.locator('[data-testid="campaign-coverage"]').getByText('0.0%').waitFor()
  // Another file would replace the roster: asked first; cancelled, the names stay.
  await page.locator('[data-testid="campaign-coverage-rule"]').getByText('名单内已完成人数').waitFor()
  await file.setInputFiles(xlsxFile([['姓名', '手机号', '单位代码'], ['郑三', 13900000003, Number(UNIT)]]))
  const box = page.locator('.el-message-box')
  await box.getByText('现有名单共 2 人，导入后将替换为本文件的 1 行').waitFor()
  await box.getByRole('button', { name: '取消' }).click()
  await box.waitFor({ state: 'hidden' })
  await page.locator('[data-testid="roster-table"]').getByText('吴二').waitFor()
  assert.equal(await page.locator('[data-testid="roster-table"]').getByText('郑三').count(), 0, 'nothing imported')
  const link = await field(page, 'campaign-link').inputValue()
  assert.ok(link.startsWith(`${BASE}/s/${UNIT}?scale=phq9&campaign=`), link)

  // The resident on the roster answers through the link, with name and phone.
  const phonePage = await newPhonePage(browser)
  await phonePage.goto(link)
  await phonePage.locator('[data-testid="self-consent"]').waitFor()
  await phonePage.locator('[data-testid="self-identified"]').click()
  await field(phonePage, 'self-name').fill('周一')
  await field(phonePage, 'self-phone').fill(phone)
  await answerPhq9(phonePage, [1, 1, 0, 0, 0, 0, 0, 0, 0])
  assert.match(await phonePage.locator('[data-testid="self-band"]').innerText(), /无抑郁症状或极轻微/)
  assert.match(await phonePage.locator('[data-testid="self-result-text"]').innerText(), /总体良好/)
  await shot(phonePage, '15-campaign-self-assessment-phone')
  await phonePage.context().close()

  await page.reload()
  await page.locator('[data-testid="campaign-coverage"]').getByText('50.0%').waitFor()
  assert.equal(await page.locator('[data-testid="campaign-completed"] .el-statistic__number').innerText(), '1')
  await page.locator('[data-testid="campaign-chart"] canvas').waitFor()

  // An anonymous walk-in through the same link is a respondent, but not the roster's coverage;
  // a mild total (5) reads as mild, not as doing well.
  const walkIn = await newPhonePage(browser)
  await walkIn.goto(link)
  await walkIn.locator('[data-testid="self-consent"]').waitFor()
  await answerPhq9(walkIn, [1, 1, 1, 1, 1, 0, 0, 0, 0])
  assert.match(await walkIn.locator('[data-testid="self-band"]').innerText(), /轻度抑郁/)
  const mild = await walkIn.locator('[data-testid="self-result-text"]').innerText()
  assert.match(mild, /轻度的困扰/)
  assert.doesNotMatch(mild, /总体良好/)
  await walkIn.context().close()
  await page.reload()
  await page.locator('[data-testid="campaign-respondents"]').waitFor()
  assert.equal(await page.locator('[data-testid="campaign-respondents"] .el-statistic__number').innerText(), '2')
  await page.locator('[data-testid="campaign-coverage"]').getByText('50.0%').waitFor()
  // The roster's size is named as such (the planned size is another figure), and coverage says
  // what it counts.
  assert.match(await page.locator('[data-testid="campaign-target"]').innerText(), /名单人数\s*2/)
  assert.match(await page.locator('[data-testid="campaign-coverage-rule"]').innerText(), /名单人数/)
  await shot(page, '16-campaign-coverage')

  // The export downloads on the page, named after the campaign.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="campaign-export"]').click()])
  assert.equal(download.suggestedFilename(), `${name}-答卷.xlsx`)
  assert.equal(readFileSync(await download.path()).subarray(0, 2).toString(), 'PK', 'an .xlsx (ZIP) file')

  // Editing keeps the unit: the field is locked.
  await page.locator('[data-testid="campaign-edit"]').click()
  assert.ok(await page.locator('[data-testid="campaign-form"] .el-select.is-disabled, [data-testid="campaign-form"] .el-select__wrapper.is-disabled').count() > 0, 'the unit cannot be changed')
  await page.keyboard.press('Escape')
  await page.locator('[data-testid="campaign-form"]').waitFor({ state: 'hidden' })

  await page.locator('[data-testid="campaign-poster"]').click()
  await page.locator('[data-testid="poster"]').waitFor()
  assert.match(await page.locator('[data-testid="poster-unit"]').innerText(), /东湖村/)
  await page.locator('[data-testid="poster-qr"]').evaluate((img) => img.decode())
  await page.emulateMedia({ media: 'print' })
  await shot(page, '17-campaign-poster-print')
  await page.context().close()
})

test('a campaign that hides results thanks the respondent without a score', async () => {
  const session = await apiSession(VILLAGE)
  let campaign
  try {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date())
    const res = await session.call('POST', '/campaigns', {
      name: `某中学初二普查 ${Date.now() % 100000}`, unitId: session.user.unit.id, targetGroup: '初二', scaleCodes: ['phq9'],
      startsOn: today, endsOn: today, consentText: '本次测评由学校组织，结果仅由学校心理老师查看。', showResult: false, targetSize: 40
    })
    assert.equal(res.status, 201, JSON.stringify(res.body))
    campaign = res.body
  } finally {
    await session.dispose()
  }
  const page = await newPhonePage(browser)
  await page.goto(`${BASE}/s/${UNIT}?scale=phq9&campaign=${campaign.id}`)
  assert.match(await page.locator('[data-testid="self-consent-text"]').innerText(), /学校心理老师/)
  await answerPhq9(page, [3, 3, 3, 3, 2, 2, 2, 2, 0])
  await page.locator('[data-testid="self-thanks"]').waitFor()
  assert.equal(await page.locator('[data-testid="self-band"]').count(), 0, 'no band')
  const text = await page.locator('[data-testid="self-result"]').innerText()
  assert.ok(!/20|重度|中重度/.test(text), `no score or band shown: ${text}`)
  assert.match(text, /12356/, 'where to get help is still shown')
  await shot(page, '18-hidden-result-thanks-phone')

  // A link naming a scale the campaign lacks says so before the first question, and offers the
  // campaign's own scale.
  await page.goto(`${BASE}/s/${UNIT}?scale=k6&campaign=${campaign.id}`)
  await page.locator('[data-testid="self-wrong-scale"]').getByText('不属于').waitFor()
  assert.equal(await page.locator('[data-testid="self-consent"]').count(), 0, 'no consent, no questions')
  await page.locator('[data-testid="self-offered-phq9"]').click()
  await page.locator('[data-testid="self-consent"]').waitFor()

  // A refused submission (here a 422 the server could send) is said beside the submit button, in
  // the server's words, where the resident is.
  await page.route('**/api/v1/public/units/*/assessments', (route) => route.fulfill({
    status: 422, contentType: 'application/problem+json',
    body: JSON.stringify({ status: 422, code: 'validation_failed', detail: '提交的内容有误，请检查标注的字段', errors: [{ field: 'scaleCode', code: 'scale_not_in_campaign', message: '该量表不属于本次测评活动' }] })
  }))
  await answerPhq9(page, [0, 0, 0, 0, 0, 0, 0, 0, 0], { expectResult: false })
  const refused = page.locator('[data-testid="self-submit-error"]')
  await refused.getByText('该量表不属于本次测评活动').waitFor()
  assert.doesNotMatch(await refused.innerText(), /标注的字段/)
  assert.ok(await refused.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight }), 'in view')
  assert.equal(await page.locator('[data-testid="self-error"]').count(), 0, 'not at the top of the page')
  await page.context().close()

  // The poster of a campaign that hides results does not promise them.
  const staff = await newPage(browser)
  await login(staff, VILLAGE)
  await staff.goto(`${BASE}/poster/${UNIT}?scale=phq9&campaign=${campaign.id}`)
  const invitation = await staff.locator('[data-testid="poster-invitation"]').innerText()
  assert.doesNotMatch(invitation, /即时可见/)
  assert.match(invitation, /不在手机上显示/)
  await staff.context().close()

  // A hotline operator may see the campaign but not export it (the server answers 403): no
  // export button that could only fail, and no edit.
  const hotline = await newPage(browser)
  await login(hotline, 'hotline_330499000000')
  await hotline.goto(`${BASE}/campaigns/${campaign.id}`)
  await hotline.locator('[data-testid="campaign-coverage"]').waitFor()
  assert.equal(await hotline.locator('[data-testid="campaign-export"]').count(), 0)
  assert.equal(await hotline.locator('[data-testid="campaign-edit"]').count(), 0)
  await hotline.context().close()
})

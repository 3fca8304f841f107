// Keyboard answering, the record's grouping by scale and the band chart segments.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { keyAction, historyByScale, bandSegments, localText, answeredCount } from '../src/views/assess/utils/answers.js'
import { bandChartOption, scoreLineOption } from '../src/views/assess/utils/charts.js'

const zeroBased = [0, 1, 2, 3].map((value) => ({ value }))
const oneBased = [1, 2, 3, 4].map((value) => ({ value }))

test('digits answer by value, else by position, and move on', () => {
  const cases = [
    ['0', zeroBased, { value: 0, move: 1 }],
    ['3', zeroBased, { value: 3, move: 1 }],
    ['4', zeroBased, { value: 3, move: 1 }],  // no value 4: the 4th option
    ['5', zeroBased, null],
    ['1', oneBased, { value: 1, move: 1 }],
    ['0', oneBased, null],
    ['a', zeroBased, null],
    ['Tab', zeroBased, null]
  ]
  for (const [key, options, want] of cases) assert.deepEqual(keyAction(key, options, undefined), want, `${key} on ${options[0].value}-based`)
})

test('arrows step through options within bounds and move between questions', () => {
  assert.deepEqual(keyAction('ArrowRight', zeroBased, undefined), { value: 0 })
  assert.deepEqual(keyAction('ArrowLeft', zeroBased, undefined), { value: 3 })
  assert.deepEqual(keyAction('ArrowRight', zeroBased, 1), { value: 2 })
  assert.deepEqual(keyAction('ArrowRight', zeroBased, 3), { value: 3 })
  assert.deepEqual(keyAction('ArrowLeft', zeroBased, 0), { value: 0 })
  assert.deepEqual(keyAction('ArrowDown', zeroBased, 1), { move: 1 })
  assert.deepEqual(keyAction('Enter', zeroBased, 1), { move: 1 })
  assert.deepEqual(keyAction('ArrowUp', zeroBased, 1), { move: -1 })
})

test('history groups by scale, oldest point first, newest scale first', () => {
  const items = [
    { scaleCode: 'phq9', total: 12, createdAt: '2026-03-01T10:00:00+08:00' },
    { scaleCode: 'gad7', total: 5, createdAt: '2026-02-01T10:00:00+08:00' },
    { scaleCode: 'phq9', total: 8, createdAt: '2026-01-01T10:00:00+08:00' }
  ]
  assert.deepEqual(historyByScale(items), [
    { scaleCode: 'phq9', points: [['2026-01-01T10:00:00+08:00', 8], ['2026-03-01T10:00:00+08:00', 12]] },
    { scaleCode: 'gad7', points: [['2026-02-01T10:00:00+08:00', 5]] }
  ])
  assert.deepEqual(historyByScale([]), [])
  const line = scoreLineOption(historyByScale(items)[0].points, 'PHQ-9')
  assert.deepEqual(line.series[0].data, [8, 12])
  assert.deepEqual(line.xAxis.data, ['2026-01-01 10:00', '2026-03-01 10:00'])
  assert.equal(line.xAxis.axisLabel.formatter('2026-01-01 10:00'), '2026-01-01\n10:00')
  assert.equal(line.grid.containLabel, true, 'the labels stay inside the chart')
})

// PHQ-9 bands as published: 0–4, 5–9, 10–14, 15–19, 20–27.
const phq9 = [
  { min: 10, max: 14, code: 'moderate', positive: true, label: { 'zh-CN': '中度', en: 'Moderate' } },
  { min: 0, max: 4, code: 'minimal', positive: false, label: { 'zh-CN': '无', en: 'Minimal' } },
  { min: 5, max: 9, code: 'mild', positive: false, label: { 'zh-CN': '轻度', en: 'Mild' } },
  { min: 15, max: 19, code: 'moderately_severe', positive: true, label: { 'zh-CN': '中重度', en: 'Moderately severe' } },
  { min: 20, max: 27, code: 'severe', positive: true, label: { 'zh-CN': '重度', en: 'Severe' } }
]

test('the record\'s line spans the whole scale with its bands shaded', () => {
  const line = scoreLineOption([['2026-01-01T02:00:00Z', 8], ['2026-03-01T02:00:00Z', 12]], 'PHQ-9', phq9, 'en')
  assert.equal(line.yAxis.min, 0)
  assert.equal(line.yAxis.max, 27, 'the top of PHQ-9, not the highest score seen')
  const stripes = line.series[0].markArea.data
  assert.deepEqual(stripes.map(([from, to]) => [from.yAxis, to.yAxis]), [[0, 5], [5, 10], [10, 15], [15, 20], [20, 27]])
  assert.deepEqual(stripes.map(([from]) => from.name), ['Minimal', 'Mild', 'Moderate', 'Moderately severe', 'Severe'])
  const bare = scoreLineOption([['2026-01-01T02:00:00Z', 8]], 'X')
  assert.equal(bare.yAxis.max, undefined, 'without bands the axis follows the data')
  assert.equal(bare.series[0].markArea, undefined)
})

test('band segments cover the scale without gaps', () => {
  const s = bandSegments(phq9)
  assert.deepEqual(s.map((x) => [x.code, x.from, x.width]), [['minimal', 0, 5], ['mild', 5, 5], ['moderate', 10, 5], ['moderately_severe', 15, 5], ['severe', 20, 8]])
  const o = bandChartOption(phq9, 13, 'en', 'Total')
  assert.equal(o.xAxis.min, 0)
  assert.equal(o.xAxis.max, 28)
  assert.equal(o.series[0].markLine.data[0].xAxis, 13)
  assert.deepEqual(o.series.map((x) => x.name), ['Minimal', 'Mild', 'Moderate', 'Moderately severe', 'Severe'])
})

test('a band chart of a scale not starting at 0 (SDS index 25–100) keeps its range', () => {
  const sds = [{ min: 25, max: 52, code: 'normal', label: {} }, { min: 53, max: 100, code: 'depressed', positive: true, label: {} }]
  const o = bandChartOption(sds, 60, 'zh-CN', '总分')
  assert.equal(o.xAxis.min, 25)
  assert.equal(o.xAxis.max, 101)
  assert.equal(o.series[0].itemStyle.color, 'transparent')
  assert.deepEqual(o.series.slice(1).map((x) => x.data[0]), [28, 48])
})

test('texts fall back to the other language', () => {
  assert.equal(localText({ 'zh-CN': '中', en: 'en' }, 'en'), 'en')
  assert.equal(localText({ 'zh-CN': '中', en: '' }, 'en'), '中')
  assert.equal(localText({ 'zh-CN': '中', en: 'en' }, 'zh-CN'), '中')
  assert.equal(localText(null, 'en'), '')
})

test('scale names: the locale, the bracketed abbreviation for narrow columns, the code when unknown', async () => {
  const { scaleName, scaleShortName } = await import('../src/views/assess/utils/scales.js')
  const scales = [
    { code: 'phq9', name: { 'zh-CN': '患者健康问卷抑郁量表（PHQ-9）', en: 'Patient Health Questionnaire-9 (PHQ-9)' } },
    { code: 'local', name: { 'zh-CN': '本区自编量表', en: '' } }
  ]
  const cases = [
    ['phq9', 'zh-CN', '患者健康问卷抑郁量表（PHQ-9）', 'PHQ-9'],
    ['phq9', 'en', 'Patient Health Questionnaire-9 (PHQ-9)', 'PHQ-9'],
    ['local', 'en', '本区自编量表', '本区自编量表'],  // no English name: the Chinese one, whole
    ['gone', 'zh-CN', 'gone', 'gone']                // not in the list: its code
  ]
  for (const [code, locale, full, short] of cases) {
    assert.equal(scaleName(scales, code, locale), full, `${code} ${locale}`)
    assert.equal(scaleShortName(scales, code, locale), short, `${code} ${locale}`)
  }
  assert.equal(scaleName(undefined, 'phq9', 'zh-CN'), 'phq9')
})

test('answered questions are counted over the scale\'s items only', () => {
  const scale = { items: [{ id: '1' }, { id: '2' }, { id: '3' }] }
  const cases = [
    // [scale, answers, expected]
    [scale, {}, 0],
    [scale, { 1: 0, 3: 2 }, 2],
    [scale, { 1: 0, 2: 1, 3: 2 }, 3],
    [scale, { 9: 1 }, 0],  // answers of another scale's form
    [null, { 1: 0 }, 0],
    [scale, undefined, 0]
  ]
  for (const [s, answers, want] of cases) assert.equal(answeredCount(s, answers), want, JSON.stringify(answers))
})

// The self-assessment page's words under a result, for every band of the real scale
// definitions (scales/*.json): positive → seek help soon, the best band → doing well, any other
// band → mild troubles; and which scales a campaign's link may open.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { resultTextKey, bestBand, scaleOffered } from '../src/views/self/utils/result.js'
import { locales, lookup } from './helpers.mjs'

const bandsOf = (code) => JSON.parse(readFileSync(new URL(`../../scales/${code}.json`, import.meta.url), 'utf8')).bands

const POSITIVE = 'self.positiveText'
const WELL = 'self.negativeText'
const MILD = 'self.mildText'

test('each band of each scale gets the words that fit it', () => {
  const cases = [
    // [scale, band, expected]
    ['phq9', 'minimal', WELL], ['phq9', 'mild', MILD], ['phq9', 'moderate', POSITIVE], ['phq9', 'severe', POSITIVE],
    ['gad7', 'minimal', WELL], ['gad7', 'mild', MILD], ['gad7', 'moderate', POSITIVE],
    ['k10', 'low', WELL], ['k10', 'moderate', MILD], ['k10', 'high', POSITIVE],
    ['pss10', 'low', WELL], ['pss10', 'moderate', MILD], ['pss10', 'high', POSITIVE],
    ['phq15', 'minimal', WELL], ['phq15', 'low', MILD],
    ['k6', 'no_serious_distress', WELL], ['k6', 'serious_distress', POSITIVE],
    ['asq', 'negative', WELL], ['asq', 'positive', POSITIVE],
    ['sds', 'normal', WELL], ['sds', 'mild', POSITIVE],
    // WHO-5: a higher total is better; its only non-positive band is the highest.
    ['who5', 'adequate', WELL], ['who5', 'poor_wellbeing', POSITIVE], ['who5', 'likely_depression', POSITIVE]
  ]
  for (const [scale, band, want] of cases) {
    const positive = !!bandsOf(scale).find((b) => b.code === band)?.positive
    assert.equal(resultTextKey(bandsOf(scale), band, { positive }), want, `${scale} ${band}`)
  }
})

test('a critical answer or the server\'s positive flag wins over the band', () => {
  const phq9 = bandsOf('phq9')
  assert.equal(resultTextKey(phq9, 'minimal', { crisis: true }), POSITIVE)
  assert.equal(resultTextKey(phq9, 'mild', { positive: true }), POSITIVE)
})

test('a band the page does not know keeps the doing-well words', () => {
  assert.equal(resultTextKey(bandsOf('phq9'), 'retired_band', {}), WELL)
  assert.equal(resultTextKey(undefined, 'mild', {}), WELL)
  assert.equal(bestBand([]), undefined)
})

test('the best band is found whatever order the bands come in', () => {
  assert.equal(bestBand([...bandsOf('gad7')].reverse()).code, 'minimal')
  assert.equal(bestBand([...bandsOf('who5')].reverse()).code, 'adequate')
})

test('the three texts exist in both languages', () => {
  for (const key of [POSITIVE, WELL, MILD]) {
    for (const [name, messages] of Object.entries(locales)) assert.equal(typeof lookup(messages, key), 'string', `${key} in ${name}`)
  }
})

test('a campaign\'s link opens only the campaign\'s scales; a unit\'s link any', () => {
  const campaign = { scaleCodes: ['phq9', 'gad7'] }
  const cases = [[campaign, 'phq9', true], [campaign, 'gad7', true], [campaign, 'k6', false], [{}, 'phq9', false], [null, 'k6', true]]
  for (const [c, code, want] of cases) assert.equal(scaleOffered(c, code), want, `${JSON.stringify(c)} ${code}`)
})

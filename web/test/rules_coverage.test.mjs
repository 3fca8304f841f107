// The rules page's note of scales that no rule watches.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { scalesWithoutRules } from '../src/views/rules/utils/coverage.js'

const scales = ['phq9', 'gad7', 'k10', 'who5'].map((code) => ({ code }))
const rule = (extra) => ({ active: true, scaleCode: '', minTotal: null, maxTotal: null, minRise: null, requiresCritical: false, ...extra })

test('scales without an active score rule are named', () => {
  const cases = [
    [[rule({ requiresCritical: true }), rule({ scaleCode: 'phq9', minTotal: 10 }), rule({ scaleCode: 'gad7', minTotal: 15 })], ['k10', 'who5']],
    [[rule({ scaleCode: 'k10', minRise: 5 })], ['phq9', 'gad7', 'who5']],
    [[rule({ scaleCode: 'who5', maxTotal: 28 })], ['phq9', 'gad7', 'k10']],                       // an upper bound watches too
    [[rule({ scaleCode: 'k10', minTotal: 30, active: false })], ['phq9', 'gad7', 'k10', 'who5']],  // inactive watches nothing
    [[rule({ minTotal: 20 })], []],                                                                // any scale
    [[rule({ requiredTags: ['minor'] })], ['phq9', 'gad7', 'k10', 'who5']],                        // tags alone score nothing
    [[], ['phq9', 'gad7', 'k10', 'who5']]
  ]
  for (const [rules, expected] of cases) assert.deepEqual(scalesWithoutRules(scales, rules), expected, JSON.stringify(rules))
})

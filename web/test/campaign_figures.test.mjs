// Campaign figures: a campaign without a target shows no coverage instead of "0.0%".
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { percent, coverageText } from '../src/views/campaigns/utils/figures.js'

test('coverage is a percentage of the target, unknown without one', () => {
  const cases = [
    [{ targetSize: 120, coverage: 0.5 }, '50.0%'],
    [{ targetSize: 3, coverage: 1 / 3 }, '33.3%'],
    [{ targetSize: 40, coverage: 0 }, '0.0%'],
    [{ targetSize: 0, coverage: 0, completed: 12 }, '—'],
    [null, '—']
  ]
  for (const [c, want] of cases) assert.equal(coverageText(c), want, JSON.stringify(c))
  assert.equal(percent(0.1234), '12.3%')
  assert.equal(percent(undefined), '0.0%')
})

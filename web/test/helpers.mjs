// Shared helpers of the web unit tests: locale lookup and a GB 11643 ID-number builder.
import assert from 'node:assert/strict'
import zhCN from '../src/locales/zh-CN.js'
import en from '../src/locales/en.js'

export const locales = { 'zh-CN': zhCN, en }

// The message at dotted `key` in `messages`, or undefined.
export function lookup(messages, key) {
  return key.split('.').reduce((m, k) => (m && typeof m === 'object' ? m[k] : undefined), messages)
}

// Table test of a pure "in words" function fn(input, t, te): rows of [locale, input, expected].
export function assertInWords(fn, cases) {
  for (const [locale, input, want] of cases) {
    const { t, te } = i18n(locale)
    assert.equal(fn(input, t, te), want, `${locale} ${JSON.stringify(input)}`)
  }
}

// vue-i18n's t/te over a locale's messages, for pure functions that take them.
export const i18n = (locale) => ({
  t: (key) => lookup(locales[locale], key) ?? key,
  te: (key) => typeof lookup(locales[locale], key) === 'string'
})

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
// A valid 18-character ID number from region, YYYYMMDD and a 3-digit sequence.
export function idNumber(region, ymd, seq) {
  const first17 = `${region}${ymd}${seq}`
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i], 0)
  return first17 + '10X98765432'[sum % 11]
}

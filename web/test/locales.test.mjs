// Both languages have the same keys, and every literal message key the code uses exists.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { locales, lookup } from './helpers.mjs'

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src')

function keys(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    if (statSync(p).isDirectory()) return name === 'locales' ? [] : sourceFiles(p)
    return /\.(vue|js|ts)$/.test(name) ? [p] : []
  })
}

test('zh-CN and en have the same message keys', () => {
  const zh = keys(locales['zh-CN']).sort()
  const en = keys(locales.en).sort()
  assert.deepEqual(zh.filter((k) => !en.includes(k)), [], 'keys missing in en')
  assert.deepEqual(en.filter((k) => !zh.includes(k)), [], 'keys missing in zh-CN')
})

test('every literal key passed to $t / t and every route title exists in both languages', () => {
  const used = new Set()
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/\$?\bt\(\s*'([A-Za-z][\w]*(?:\.[\w]+)+)'/g)) used.add(m[1])
    for (const m of text.matchAll(/title: '([A-Za-z][\w]*(?:\.[\w]+)+)'/g)) used.add(m[1])
  }
  assert.ok(used.size > 50, `found ${used.size} keys`)  // the scan itself works
  for (const key of used) {
    for (const [name, messages] of Object.entries(locales)) {
      assert.equal(typeof lookup(messages, key), 'string', `${key} in ${name}`)
    }
  }
})

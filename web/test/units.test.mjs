// The unit picker's tree: same-named villages told apart, deactivated units closed to new records.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { pickerTree } from '../src/utils/units.js'

const tree = [{
  id: 'd', name: '心安区', active: true,
  children: [
    { id: 't1', name: '清溪镇', active: true, children: [{ id: 'v1', name: '东湖村', active: true }, { id: 'v2', name: '北港村', active: false }] },
    { id: 't2', name: '桃源镇', active: true, children: [{ id: 'v3', name: '东湖村', active: true }] }
  ]
}]
const flat = (ns) => ns.flatMap((n) => [n, ...flat(n.children)])

test('same-named units carry their parent\'s name; unique ones only their own', () => {
  const labels = Object.fromEntries(flat(pickerTree(tree)).map((n) => [n.id, n.label]))
  assert.deepEqual(labels, { d: '心安区', t1: '清溪镇', v1: '东湖村（清溪镇）', v2: '北港村', t2: '桃源镇', v3: '东湖村（桃源镇）' })
})

test('deactivated units are disabled only in a picker for new records', () => {
  const disabled = (onlyActive) => flat(pickerTree(tree, onlyActive)).filter((n) => n.disabled).map((n) => n.id)
  assert.deepEqual(disabled(true), ['v2'])
  assert.deepEqual(disabled(false), [])
  assert.deepEqual(pickerTree(undefined), [])
})

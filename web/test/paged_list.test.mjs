// The shared list state: a failed search clears rows that answered another filter, a failed
// refresh keeps the last known rows, and the failure is reported once until a load succeeds.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { usePagedList } from '../src/utils/pagedList.js'

function fakeApi() {
  const api = { fail: false, calls: 0 }
  api.fetch = async (q) => {
    api.calls++
    if (api.fail) throw new Error('网络错误')
    return { items: [{ id: `${q.action || 'all'}-${q.page}` }], total: 1 }
  }
  return api
}

test('a failed search with a new filter shows no rows of the old one', async () => {
  const api = fakeApi()
  const errors = []
  const list = usePagedList(api.fetch, { action: '' }, { onError: (e) => errors.push(e.message) })
  await list.load()
  assert.deepEqual(list.rows.value.map((r) => r.id), ['all-1'])
  api.fail = true
  list.filter.action = 'person.read'
  await list.search()
  assert.deepEqual(list.rows.value, [], 'the old rows would read as the answer to the new filter')
  assert.equal(list.page.total, 1, 'the pagination keeps its place')
  assert.equal(list.error.value, '网络错误')
  assert.deepEqual(errors, ['网络错误'])
  assert.equal(list.loading.value, false)
  list.filter.action = 'person.update'
  await list.search()
  assert.deepEqual(errors, ['网络错误', '网络错误'], 'another search failing says so again: an empty table is not an answer')
})

test('a failed refresh keeps the last known rows and reports once until a success', async () => {
  const api = fakeApi()
  const errors = []
  const list = usePagedList(api.fetch, {}, { onError: (e) => errors.push(e.message) })
  await list.load()
  api.fail = true
  await list.load()
  await list.load()
  assert.deepEqual(list.rows.value.map((r) => r.id), ['all-1'], 'same query: the last known state stays')
  assert.equal(errors.length, 1, 'a polled list does not repeat the message every refresh')
  api.fail = false
  await list.load()
  assert.equal(list.error.value, '')
  api.fail = true
  await list.load()
  assert.equal(errors.length, 2, 'a new failure after a success is reported again')
})

test('only the newest request fills the table', async () => {
  let release
  const slow = new Promise((resolve) => { release = resolve })
  const fetch = async (q) => (q.page === 1 ? slow : { items: [{ id: 'page-2' }], total: 2 })
  const list = usePagedList(fetch)
  const first = list.load()
  list.page.page = 2
  await list.load()
  release({ items: [{ id: 'page-1' }], total: 2 })
  await first
  assert.deepEqual(list.rows.value.map((r) => r.id), ['page-2'])
})

// usePagedList: the state every list view shares — filter, pagination, rows, loading — over one
// fetch function returning {items, total, ...}. Only the newest request may fill the table.
// A failed load never leaves rows that answer another question: when the filter or page changed
// since the rows shown, they are cleared; a failed refresh of the same list keeps them (the last
// known state, e.g. the polled alert inbox during a network blip). The failure is reported once
// (onError, an error message by default) until a load succeeds again.
import { reactive, ref } from 'vue'
import { ElMessage } from 'element-plus'

export function usePagedList(fetch, initialFilter = {}, { onError = (e) => ElMessage.error(e.message) } = {}) {
  const filter = reactive({ ...initialFilter })
  const page = reactive({ page: 1, pageSize: 20, total: 0 })
  const rows = ref([])
  const loading = ref(false)
  const last = ref(null)  // the whole last response (e.g. alert counts)
  const error = ref('')   // the message of the last failed load, '' after a success
  let latest = 0
  let shown = null        // the query the rows answer

  async function load() {
    const mine = ++latest
    const query = { ...filter, page: page.page, pageSize: page.pageSize }
    const key = JSON.stringify(query)
    loading.value = true
    try {
      const r = await fetch(query)
      if (mine !== latest) return
      rows.value = r.items
      page.total = r.total
      last.value = r
      shown = key
      error.value = ''
    } catch (e) {
      if (mine !== latest) return
      if (key !== shown) {
        rows.value = []
        page.total = 0
        last.value = null
        shown = null
      }
      if (!error.value) onError(e)
      error.value = e.message || String(e)
    } finally {
      if (mine === latest) loading.value = false
    }
  }
  function search() { page.page = 1; return load() }
  function reset() { Object.assign(filter, initialFilter); return search() }

  return { filter, page, rows, loading, last, error, load, search, reset }
}

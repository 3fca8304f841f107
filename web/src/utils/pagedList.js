// usePagedList: the state every list view shares — filter, pagination, rows, loading — over one
// fetch function returning {items, total, ...}. Only the newest request may fill the table.
// A failed load never leaves rows that answer another question: when the filter or page changed
// since the rows shown, they are cleared (the total and the last response, e.g. the inbox's
// counts, stay: the pagination keeps its place); a failed refresh of the same list keeps them
// (the last known state, e.g. the polled alert inbox during a network blip). A failure is
// reported (onError, an error message by default) once per query, not on every refresh, and
// stays in `error` until a load succeeds, so a view can say why its table is empty.
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
  let reported = null     // the failed query last reported

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
      reported = null
      error.value = ''
    } catch (e) {
      if (mine !== latest) return
      if (key !== shown) {
        rows.value = []
        shown = null
      }
      if (key !== reported) onError(e)
      reported = key
      error.value = e.message || String(e)
    } finally {
      if (mine === latest) loading.value = false
    }
  }
  function search() { page.page = 1; return load() }
  function reset() { Object.assign(filter, initialFilter); return search() }

  return { filter, page, rows, loading, last, error, load, search, reset }
}

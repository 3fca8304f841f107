// usePagedList: the state every list view shares — filter, pagination, rows, loading — over one
// fetch function returning {items, total, ...}. Only the newest request may fill the table.
import { reactive, ref } from 'vue'

export function usePagedList(fetch, initialFilter = {}) {
  const filter = reactive({ ...initialFilter })
  const page = reactive({ page: 1, pageSize: 20, total: 0 })
  const rows = ref([])
  const loading = ref(false)
  const last = ref(null)  // the whole last response (e.g. alert counts)
  let latest = 0

  async function load() {
    const mine = ++latest
    loading.value = true
    try {
      const r = await fetch({ ...filter, page: page.page, pageSize: page.pageSize })
      if (mine !== latest) return
      rows.value = r.items
      page.total = r.total
      last.value = r
    } finally {
      if (mine === latest) loading.value = false
    }
  }
  function search() { page.page = 1; return load() }
  function reset() { Object.assign(filter, initialFilter); return search() }

  return { filter, page, rows, loading, last, load, search, reset }
}

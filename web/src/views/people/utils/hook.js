// Search, pagination and dialog state of the resident list.
import { reactive, ref } from 'vue'
import { listPeople, listTags } from '@/api/people'

export function usePeopleList() {
  const filter = reactive({ q: '', idNumber: '', tag: '', unitId: '' })
  const page = reactive({ page: 1, pageSize: 20, total: 0 })
  const rows = ref([])
  const tags = ref([])
  const loading = ref(false)
  let latest = 0  // only the newest request may fill the table (an older one can answer later)

  async function load() {
    const mine = ++latest
    loading.value = true
    try {
      const r = await listPeople({ ...filter, page: page.page, pageSize: page.pageSize })
      if (mine !== latest) return
      rows.value = r.items
      page.total = r.total
    } finally {
      if (mine === latest) loading.value = false
    }
  }
  function search() { page.page = 1; return load() }
  function reset() { Object.assign(filter, { q: '', idNumber: '', tag: '', unitId: '' }); return search() }
  async function loadTags() { tags.value = await listTags() }

  return { filter, page, rows, tags, loading, load, search, reset, loadTags }
}

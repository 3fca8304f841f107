// Search, pagination and tag list of the resident list.
import { ref } from 'vue'
import { listPeople, listTags } from '@/api/people'
import { usePagedList } from '@/utils/pagedList'

export function usePeopleList() {
  const list = usePagedList(listPeople, { q: '', idNumber: '', tag: '', unitId: '' })
  const tags = ref([])
  async function loadTags() { tags.value = await listTags() }
  return { ...list, tags, loadTags }
}

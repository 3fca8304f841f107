// The warning-rule list (search, pagination), the form dialog, and delete after confirmation;
// the scale and tag lists label the rows.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { listRules, deleteRule } from '@/api/rules'
import { listScales } from '@/api/assess'
import { listTags } from '@/api/people'
import { usePagedList } from '@/utils/pagedList'
import { scalesWithoutRules } from './coverage'

export function useRuleList() {
  const { t } = useI18n()
  const list = usePagedList(listRules, { q: '' })
  const formOpen = ref(false)
  const editing = ref(null)
  const scales = ref([])
  const tags = ref([])

  const unwatched = ref([])  // scale codes no active rule scores (utils/coverage.js)

  async function loadLookups() {
    const [s, g] = await Promise.all([listScales(), listTags()])
    scales.value = s
    tags.value = g
    await loadCoverage()
  }
  async function loadCoverage() {
    try {
      const all = await listRules({ page: 1, pageSize: 200 })
      unwatched.value = scalesWithoutRules(scales.value, all.items)
    } catch { unwatched.value = [] }  // the note is advice; the list still works without it
  }
  function openForm(r) { editing.value = r; formOpen.value = true }

  async function onDelete(r) {
    const ok = await ElMessageBox.confirm(t('common.confirmDelete', { name: r.name }), t('common.confirmTitle'), {
      type: 'error', confirmButtonText: t('common.delete'), cancelButtonText: t('common.cancel')
    }).then(() => true, () => false)
    if (!ok) return
    try {
      await deleteRule(r.id)
      ElMessage.success(t('common.deleted'))
      await Promise.all([list.load(), loadCoverage()])
    } catch (e) {
      ElMessage.error(e.message)
    }
  }

  return { ...list, formOpen, editing, scales, tags, unwatched, loadLookups, loadCoverage, openForm, onDelete }
}

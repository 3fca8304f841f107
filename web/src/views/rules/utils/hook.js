// The warning-rule list (search, pagination), the form dialog, and delete after confirmation;
// the scale and tag lists label the rows.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { listRules, deleteRule } from '@/api/rules'
import { listScales } from '@/api/assess'
import { listTags } from '@/api/people'
import { usePagedList } from '@/utils/pagedList'

export function useRuleList() {
  const { t } = useI18n()
  const list = usePagedList(listRules, { q: '' })
  const formOpen = ref(false)
  const editing = ref(null)
  const scales = ref([])
  const tags = ref([])

  async function loadLookups() {
    const [s, g] = await Promise.all([listScales(), listTags()])
    scales.value = s
    tags.value = g
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
      await list.load()
    } catch (e) {
      ElMessage.error(e.message)
    }
  }

  return { ...list, formOpen, editing, scales, tags, loadLookups, openForm, onDelete }
}

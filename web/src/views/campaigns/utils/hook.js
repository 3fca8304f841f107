// The campaign list (search, pagination), the form dialog and delete after confirmation.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { listCampaigns, deleteCampaign } from '@/api/campaigns'
import { listScales } from '@/api/assess'
import { usePagedList } from '@/utils/pagedList'

export function useCampaignList() {
  const { t } = useI18n()
  const list = usePagedList(listCampaigns, { q: '' })
  const formOpen = ref(false)
  const editing = ref(null)
  const scales = ref([])

  async function loadScales() { scales.value = await listScales() }
  function openForm(c) { editing.value = c; formOpen.value = true }

  async function onDelete(c) {
    const ok = await ElMessageBox.confirm(t('common.confirmDelete', { name: c.name }), t('common.confirmTitle'), {
      type: 'error', confirmButtonText: t('common.delete'), cancelButtonText: t('common.cancel')
    }).then(() => true, () => false)
    if (!ok) return
    try {
      await deleteCampaign(c.id)
      ElMessage.success(t('common.deleted'))
      await list.load()
    } catch (e) {
      ElMessage.error(e.message)
    }
  }

  return { ...list, formOpen, editing, scales, loadScales, openForm, onDelete }
}

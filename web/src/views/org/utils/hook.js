// State and actions of the org-unit tree: load, filter, open the form, (de)activate and delete
// after confirmation.
import { ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { unitTree, updateUnit, deleteUnit } from '@/api/org'

// True when `unit` matches the tree filter: name contains it or code starts with it.
export const unitMatches = (keyword, unit) => !keyword || unit.name.includes(keyword) || unit.code.startsWith(keyword)

export function useOrgTree() {
  const { t } = useI18n()
  const tree = ref([])
  const treeRef = ref()
  const keyword = ref('')
  const loading = ref(false)
  const formOpen = ref(false)
  const parent = ref(null)
  const editing = ref(null)

  async function load() {
    loading.value = true
    try { tree.value = await unitTree() } catch (e) { ElMessage.error(e.message) } finally { loading.value = false }
  }
  function openCreate(p) { parent.value = p; editing.value = null; formOpen.value = true }
  function openEdit(u) { parent.value = null; editing.value = u; formOpen.value = true }

  // Resolves false when the user cancels.
  const confirm = (message, type = 'warning') =>
    ElMessageBox.confirm(message, t('common.confirmTitle'), {
      type, confirmButtonText: t('common.confirm'), cancelButtonText: t('common.cancel')
    }).then(() => true, () => false)

  async function run(action, done) {
    try { await action(); ElMessage.success(done); await load() } catch (e) { ElMessage.error(e.message) }
  }

  async function onToggleActive(u) {
    const key = u.active ? 'org.confirmDeactivate' : 'org.confirmActivate'
    if (!(await confirm(t(key, { name: u.name })))) return
    await run(() => updateUnit(u.id, { name: u.name, hotline: u.hotline || '', active: !u.active, version: u.version }), t('common.saved'))
  }

  async function onDelete(u) {
    if (!(await confirm(t('common.confirmDelete', { name: u.name }), 'error'))) return
    await run(() => deleteUnit(u.id), t('common.deleted'))
  }

  watch(keyword, (v) => treeRef.value?.filter(v))
  return { tree, treeRef, keyword, loading, formOpen, parent, editing, load, openCreate, openEdit, onToggleActive, onDelete }
}

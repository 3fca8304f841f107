// The alert inbox: the list with counts by level (overdue first, as the server sorts), refresh
// every 10 s, the detail drawer, and the closed-loop actions acknowledge → start → close.
import { ref, computed } from 'vue'
import { ElMessage } from 'element-plus'
import { listAlerts, getAlert, acknowledgeAlert, startAlert, closeAlert } from '@/api/alerts'
import { usePagedList } from '@/utils/pagedList'

export const STATUSES = ['new', 'acknowledged', 'in_progress', 'closed']
export const OUTCOMES = ['contacted_safe', 'referred', 'case_opened', 'unreachable', 'false_positive']
export const LEVELS = ['red', 'orange', 'yellow']

// The next actions an alert in `status` offers to a user who may act (`canAct`: people.write;
// others — e.g. hotline operators — read the inbox but act on nothing).
export const nextActions = (status, canAct = true) => ({
  acknowledge: canAct && status === 'new',
  start: canAct && status === 'acknowledged',
  close: canAct && status !== 'closed'
})

// How the inbox names the person behind an alert without a registered resident.
export const respondentLabel = (alert) => (alert.respondentIdentified ? 'alerts.identified' : 'alerts.anonymous')

export function useAlertInbox() {
  const list = usePagedList(listAlerts, { status: '', level: '' })
  const counts = computed(() => list.last.value?.counts || { red: 0, orange: 0, yellow: 0 })
  const detail = ref(null)
  const drawerOpen = ref(false)
  const closing = ref(null)  // the alert the close dialog is for

  async function openDetail(id) {
    drawerOpen.value = true
    try { detail.value = await getAlert(id) } catch (e) { ElMessage.error(e.message); drawerOpen.value = false }
  }

  // Runs one action, then refreshes the list and an open drawer; true when the action succeeded.
  async function act(call) {
    try {
      await call()
    } catch (e) {
      ElMessage.error(e.message)
      return false
    }
    try {
      await list.load()
      if (drawerOpen.value && detail.value) detail.value = await getAlert(detail.value.id)
    } catch (e) {
      ElMessage.error(e.message)
    }
    return true
  }

  const acknowledge = (a) => act(() => acknowledgeAlert(a.id))
  const start = (a) => act(() => startAlert(a.id))
  const closeBusy = ref(false)
  const openClose = (a) => { closing.value = a }
  // The dialog stays open, with the note, until the close has succeeded (a colleague may have
  // closed the alert first, or the network may drop).
  async function confirmClose(outcome, note) {
    if (closeBusy.value || !closing.value) return
    closeBusy.value = true
    try {
      if (await act(() => closeAlert(closing.value.id, outcome, note))) closing.value = null
    } finally {
      closeBusy.value = false
    }
  }
  function filterLevel(level) {
    list.filter.level = list.filter.level === level ? '' : level
    list.search()
  }

  return { ...list, counts, detail, drawerOpen, closing, closeBusy, openDetail, acknowledge, start, openClose, confirmClose, filterLevel }
}

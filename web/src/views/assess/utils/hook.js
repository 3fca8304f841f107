// The psychological record of one resident: the scale list, a counsellor-administered
// assessment (pick a scale, answer, submit, see the result) and the history of results.
// Changing or cancelling the scale after some answers asks before dropping them.
import { ref, computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessageBox } from 'element-plus'
import { listScales, getScale, assessPerson, personAssessments } from '@/api/assess'
import { answeredCount, historyByScale } from './answers'

export function usePersonRecord(personId) {
  const { t } = useI18n()
  const scales = ref([])
  const scaleCode = ref('')
  const scale = ref(null)
  const answers = ref({})
  const result = ref(null)
  const history = ref([])
  const busy = ref(false)
  const error = ref('')
  const answered = computed(() => answeredCount(scale.value, answers.value))
  const complete = computed(() => !!scale.value && answered.value === scale.value.items.length)
  const charts = computed(() => historyByScale(history.value))

  async function loadHistory() {
    try { history.value = (await personAssessments(personId())).items } catch (e) { error.value = e.message }
  }
  async function loadScales() { scales.value = await listScales() }

  // True when nothing is answered yet, or the user agrees to drop the answers.
  function mayDiscard() {
    if (!answered.value) return Promise.resolve(true)
    return ElMessageBox.confirm(t('assess.discardText', { n: answered.value }), t('common.confirmTitle'), {
      type: 'warning', confirmButtonText: t('assess.discard'), cancelButtonText: t('assess.keepAnswering')
    }).then(() => true, () => false)
  }

  // Another scale, or none (cancel): the form starts empty.
  async function pick(code) {
    if (!(await mayDiscard())) return
    scaleCode.value = code
    scale.value = null
    answers.value = {}
    result.value = null
    error.value = ''
    if (code) scale.value = await getScale(code)
  }

  async function submit() {
    if (!complete.value || busy.value) return
    busy.value = true
    error.value = ''
    try {
      result.value = await assessPerson(personId(), { scaleCode: scale.value.code, answers: { ...answers.value } })
      scale.value = null
      scaleCode.value = ''  // picking the same scale again starts a new form
      await loadHistory()
    } catch (e) {
      error.value = e.message
    } finally {
      busy.value = false
    }
  }

  function again() { pick(result.value?.scaleCode || '') }

  return { scales, scaleCode, scale, answers, result, history, charts, busy, error, complete, loadHistory, loadScales, pick, submit, again }
}

// The psychological record of one resident: the scale list, a counsellor-administered
// assessment (pick a scale, answer, submit, see the result) and the history of results.
import { ref, computed } from 'vue'
import { listScales, getScale, assessPerson, personAssessments } from '@/api/assess'
import { historyByScale } from './answers'

export function usePersonRecord(personId) {
  const scales = ref([])
  const scaleCode = ref('')
  const scale = ref(null)
  const answers = ref({})
  const result = ref(null)
  const history = ref([])
  const busy = ref(false)
  const error = ref('')
  const complete = computed(() => !!scale.value && scale.value.items.every((i) => answers.value[i.id] !== undefined))
  const charts = computed(() => historyByScale(history.value))

  async function loadHistory() {
    try { history.value = (await personAssessments(personId())).items } catch (e) { error.value = e.message }
  }
  async function loadScales() { scales.value = await listScales() }

  async function pick(code) {
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

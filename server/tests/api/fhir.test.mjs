// FHIR R4 interop, black box: every shipped scale as a Questionnaire (LOINC where known), a
// posted QuestionnaireResponse scored and alerted exactly like the native route, the stored
// response read back, scope (a sibling village gets 404), and 422 problems for bad resources.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, api, login, personBody } from './harness.mjs'

let srv, v1, v2, person
const FHIR = /^application\/fhir\+json/

// A PHQ-9 QuestionnaireResponse for `personId`: items 1–8 = `value`, item 9 = `item9`.
function phq9Response(personId, value, item9) {
  const item = Array.from({ length: 9 }, (_, i) => ({
    linkId: String(i + 1),
    answer: [{ valueCoding: { code: String(i === 8 ? item9 : value) } }]
  }))
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: 'http://elsewhere.test/fhir/Questionnaire/phq9',
    status: 'completed',
    subject: { reference: `Patient/${personId}` },
    item
  }
}

const fhirPost = (auth, body) => api(srv.url, 'POST', '/fhir/QuestionnaireResponse', {
  auth, raw: JSON.stringify(body), headers: { 'Content-Type': 'application/fhir+json' }
})
const itemOf = (resource, linkId) => resource.item.find((i) => i.linkId === linkId)

before(async () => {
  srv = await startServer({ extraArgs: ['--login-rate-per-minute', '1000'] })
  v1 = await login(srv.url, 'counsellor_330499001001')
  v2 = await login(srv.url, 'counsellor_330499001002')
  const p = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body: personBody(v1.user.unit.id) })
  assert.equal(p.status, 201, p.text)
  person = p.json.id
})
after(async () => { assert.equal(await srv.stop(), 0) })

test('PHQ-9 is a public Questionnaire with its LOINC codes', async () => {
  const r = await api(srv.url, 'GET', '/fhir/Questionnaire/phq9')
  assert.equal(r.status, 200, r.text)
  assert.match(r.headers.get('content-type'), FHIR)
  const q = r.json
  assert.equal(q.resourceType, 'Questionnaire')
  assert.equal(q.status, 'active')
  assert.equal(q.version, '1.0.0')
  assert.match(q.url, /\/fhir\/Questionnaire\/phq9$/)
  assert.deepEqual(q.code, [{ system: 'http://loinc.org', code: '44249-1' }])
  const nine = itemOf(q, '9')
  assert.equal(nine.type, 'choice')
  assert.equal(nine.code[0].code, '44260-8')
  assert.deepEqual(nine.answerOption.map((o) => o.valueCoding.code), ['0', '1', '2', '3'])
  assert.equal(itemOf(q, 'score.total').code[0].code, '44261-6')
  const en = await api(srv.url, 'GET', '/fhir/Questionnaire/phq9', { lang: 'en' })
  assert.equal(itemOf(en.json, '1').text, 'Little interest or pleasure in doing things')
  assert.equal((await api(srv.url, 'GET', '/fhir/Questionnaire/nope')).status, 404)
})

test('every shipped scale is served as a Questionnaire', async () => {
  const scales = (await api(srv.url, 'GET', '/api/v1/scales')).json
  assert.ok(scales.some((s) => s.code === 'phq15') && scales.some((s) => s.code === 'pss10') && scales.some((s) => s.code === 'sas'))
  for (const s of scales) {
    const q = await api(srv.url, 'GET', `/fhir/Questionnaire/${s.code}`)
    assert.equal(q.status, 200, s.code)
    assert.equal(q.json.item.filter((i) => i.type === 'choice').length, s.itemCount, s.code)
  }
  const bundle = await api(srv.url, 'GET', '/fhir/Questionnaire')
  assert.equal(bundle.json.resourceType, 'Bundle')
  assert.equal(bundle.json.total, scales.length)
})

test('a posted response is scored and alerted exactly like the native route', async () => {
  const posted = await fhirPost(v1, phq9Response(person, 2, 1))
  assert.equal(posted.status, 201, posted.text)
  assert.match(posted.headers.get('content-type'), FHIR)
  const qr = posted.json
  assert.equal(posted.headers.get('location'), `/fhir/QuestionnaireResponse/${qr.id}`)
  assert.equal(qr.subject.reference, `Patient/${person}`)
  assert.match(qr.questionnaire, /\/fhir\/Questionnaire\/phq9\|1\.0\.0$/)
  assert.deepEqual(itemOf(qr, 'score.total').answer, [{ valueDecimal: 17 }])
  assert.equal(itemOf(qr, '9').answer[0].valueCoding.code, '1')

  // The same answers through the native route, for a second resident of the same village.
  const other = await api(srv.url, 'POST', '/api/v1/people', { auth: v1, body: personBody(v1.user.unit.id) })
  const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), i === 8 ? 1 : 2]))
  const native = await api(srv.url, 'POST', `/api/v1/people/${other.json.id}/assessments`, { auth: v1, body: { scaleCode: 'phq9', answers } })
  assert.equal(native.status, 201, native.text)
  assert.equal(native.json.total, 17)

  const inbox = (await api(srv.url, 'GET', '/api/v1/alerts?pageSize=200', { auth: v1 })).json
  const fromFhir = inbox.items.find((a) => a.assessmentId === qr.id)
  const fromNative = inbox.items.find((a) => a.assessmentId === native.json.id)
  assert.ok(fromFhir, 'the FHIR submission raised an alert')
  assert.equal(fromFhir.level, 'red', 'a positive suicide item is always red')
  assert.equal(fromFhir.personId, person)
  assert.equal(fromFhir.level, fromNative.level)
  const history = await api(srv.url, 'GET', `/api/v1/people/${person}/assessments`, { auth: v1 })
  assert.equal(history.json.items[0].id, qr.id)
  assert.equal(history.json.items[0].band, native.json.band)
})

test('a stored response reads back; a sibling village gets 404 for it, 422 for its subject', async () => {
  const posted = await fhirPost(v1, phq9Response(person, 0, 0))
  assert.equal(posted.status, 201, posted.text)
  const id = posted.json.id
  const read = await api(srv.url, 'GET', `/fhir/QuestionnaireResponse/${id}`, { auth: v1 })
  assert.equal(read.status, 200, read.text)
  assert.match(read.headers.get('content-type'), FHIR)
  assert.equal(read.json.resourceType, 'QuestionnaireResponse')
  assert.equal(read.json.subject.reference, `Patient/${person}`)
  assert.deepEqual(read.json.item.filter((i) => /^\d+$/.test(i.linkId)).map((i) => i.answer[0].valueCoding.code), Array(9).fill('0'))
  assert.deepEqual(itemOf(read.json, 'score.total').answer, [{ valueDecimal: 0 }])

  assert.equal((await api(srv.url, 'GET', `/fhir/QuestionnaireResponse/${id}`, { auth: v2 })).status, 404)
  assert.equal((await api(srv.url, 'GET', `/fhir/QuestionnaireResponse/${id}`)).status, 401)
  const sideways = await fhirPost(v2, phq9Response(person, 3, 1))
  const nobody = await fhirPost(v2, phq9Response('no-such-person', 3, 1))
  for (const r of [sideways, nobody]) {
    assert.equal(r.status, 422, r.text)
    assert.deepEqual(r.json.errors.map((e) => [e.field, e.code]), [['subject', 'subject_not_found']])
  }
  assert.equal(sideways.json.errors[0].message, nobody.json.errors[0].message, 'the same answer: existence stays hidden')
  const inbox = await api(srv.url, 'GET', '/api/v1/alerts', { auth: v2 })
  assert.equal(inbox.json.total, 0, 'the refused submission raised nothing')
})

test('a malformed resource is a 422 problem naming its fields', async () => {
  const cases = [
    [{ ...phq9Response(person, 0, 0), resourceType: 'Patient' }, 'resourceType', 'fhir_resource_type'],
    [{ ...phq9Response(person, 0, 0), subject: undefined }, 'subject', 'subject_required'],
    [{ ...phq9Response(person, 0, 0), subject: { reference: 'Group/1' } }, 'subject', 'subject_not_patient'],
    [{ ...phq9Response(person, 0, 0), questionnaire: 'Questionnaire/scl90' }, 'questionnaire', 'questionnaire_unknown'],
    [{ ...phq9Response(person, 0, 0), status: 'in-progress' }, 'status', 'response_not_completed'],
    [{ ...phq9Response(person, 0, 0), item: phq9Response(person, 0, 0).item.slice(0, 8) }, 'item.9', 'answer_missing'],
    [{ ...phq9Response(person, 0, 0), item: [{ linkId: '1', answer: [{ valueString: 'no' }] }] }, 'item.1', 'answer_invalid']
  ]
  for (const [body, field, code] of cases) {
    const r = await fhirPost(v1, body)
    assert.equal(r.status, 422, `${field}: ${r.text}`)
    assert.match(r.headers.get('content-type'), /^application\/problem\+json/)
    assert.ok(r.json.errors.some((e) => e.field === field && e.code === code), `${field}/${code}: ${r.text}`)
  }
  const outOfRange = await fhirPost(v1, phq9Response(person, 4, 0))
  assert.equal(outOfRange.status, 422)
  assert.ok(outOfRange.json.errors.some((e) => e.field === 'item.1' && e.code === 'answer_out_of_range'))
  const history = await api(srv.url, 'GET', `/api/v1/people/${person}/assessments`, { auth: v1 })
  assert.equal(history.json.total, 2, 'nothing was stored for a rejected resource')
  assert.equal((await fhirPost(undefined, phq9Response(person, 0, 0))).status, 401)
})

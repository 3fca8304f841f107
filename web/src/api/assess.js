// Scales and assessments, including the public self-assessment (no login).
import { http } from '@/utils/http'
export const listScales = () => http.get('/scales')
export const getScale = (code) => http.get(`/scales/${code}`)
export const submitSelfAssessment = (unitCode, body) => http.post(`/public/units/${unitCode}/assessments`, body)
export const assessPerson = (personId, body) => http.post(`/people/${personId}/assessments`, body)
export const personAssessments = (personId) => http.get(`/people/${personId}/assessments`)

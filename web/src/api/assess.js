// Scales and assessments: the psychological record (心理档案), the printable report, and the
// public self-assessment (no login) of a unit's or a campaign's link.
import { http, apiUrl } from '@/utils/http'
export const listScales = () => http.get('/scales')
export const getScale = (code) => http.get(`/scales/${code}`)
export const assessPerson = (personId, body) => http.post(`/people/${personId}/assessments`, body)
export const personAssessments = (personId) => http.get(`/people/${personId}/assessments`)
export const getAssessment = (id) => http.get(`/assessments/${id}`)
// Every result of the units in scope ({scale, source, concerning, identified, page, pageSize}).
export const listResults = (params) => http.get('/assessments', params)
export const resultRespondent = (id) => http.get(`/assessments/${id}/respondent`)

export const getPublicUnit = (code) => http.get(`/public/units/${code}`)
export const getPublicCampaign = (id) => http.get(`/public/campaigns/${id}`)
export const submitSelfAssessment = (unitCode, body) => http.post(`/public/units/${unitCode}/assessments`, body)
// The QR code image of a unit's (and campaign's) self-assessment link.
export const qrSvgUrl = (unitCode, params) => apiUrl(`/public/units/${unitCode}/qr.svg`, params)

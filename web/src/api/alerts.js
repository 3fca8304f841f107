// The alert inbox and its closed loop: new → acknowledged → in progress → closed with an outcome.
import { http } from '@/utils/http'
export const listAlerts = (params) => http.get('/alerts', params)
export const getAlert = (id) => http.get(`/alerts/${id}`)
export const acknowledgeAlert = (id) => http.post(`/alerts/${id}/acknowledge`)
export const alertRespondent = (id) => http.get(`/alerts/${id}/respondent`)
export const startAlert = (id) => http.post(`/alerts/${id}/start`)
export const closeAlert = (id, outcome, note) => http.post(`/alerts/${id}/close`, { outcome, note })

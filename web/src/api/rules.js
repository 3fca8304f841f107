// Warning rules (预警规则): conditions over a result that raise an alert of a level.
import { http } from '@/utils/http'
export const listRules = (params) => http.get('/warning-rules', params)
export const createRule = (body) => http.post('/warning-rules', body)
export const updateRule = (id, body) => http.put(`/warning-rules/${id}`, body)
export const deleteRule = (id) => http.del(`/warning-rules/${id}`)

// The audit log and its chain verification.
import { http } from '@/utils/http'
export const listAudit = (params) => http.get('/audit', params)
export const verifyAudit = () => http.get('/audit/verify')

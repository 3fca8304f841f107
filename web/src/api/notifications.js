// In-app notifications of the signed-in user's unit (alerts raised and escalated).
import { http } from '@/utils/http'
export const listNotifications = (params) => http.get('/notifications', params)
export const markRead = (id) => http.post(`/notifications/${id}/read`)
export const markAllRead = () => http.post('/notifications/read-all')

// In-app notifications of the signed-in user's unit (alerts raised, escalated or transferred), read or
// unread for this user.
import { http } from '@/utils/http'
export const listNotifications = (params) => http.get('/notifications', params)
export const markRead = (id) => http.post(`/notifications/${id}/read`)
export const markAllRead = () => http.post('/notifications/read-all')

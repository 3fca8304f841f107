// Sign-in and the current user.
import { http } from '@/utils/http'
export const login = (username, password) => http.post('/auth/login', { username, password })
export const logout = () => http.post('/auth/logout')
export const me = () => http.get('/auth/me')
export const changePassword = (oldPassword, newPassword) => http.post('/auth/password', { oldPassword, newPassword })

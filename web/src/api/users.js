// User management and the role table.
import { http } from '@/utils/http'
export const listUsers = (params) => http.get('/users', params)
export const createUser = (body) => http.post('/users', body)
export const updateUser = (id, body) => http.put(`/users/${id}`, body)
export const resetPassword = (id, password) => http.post(`/users/${id}/reset-password`, { password })
export const listRoles = () => http.get('/roles')

// The resident registry and break-glass access.
import { http } from '@/utils/http'
export const listPeople = (params) => http.get('/people', params)
export const getPerson = (id) => http.get(`/people/${id}`)
export const createPerson = (body) => http.post('/people', body)
export const updatePerson = (id, body) => http.put(`/people/${id}`, body)
export const listTags = () => http.get('/people/tags')
export const breakGlass = (idNumber, reason) => http.post('/people/break-glass', { idNumber, reason })
export const listBreakGlass = (params) => http.get('/break-glass', params)

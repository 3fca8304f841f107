// Org units: the tree and unit CRUD.
import { http } from '@/utils/http'
export const unitTree = () => http.get('/org/units/tree')
export const createUnit = (body) => http.post('/org/units', body)
export const updateUnit = (id, body) => http.put(`/org/units/${id}`, body)
export const deleteUnit = (id) => http.del(`/org/units/${id}`)

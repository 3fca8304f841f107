// Org units: the tree, unit CRUD and the CSV import.
import { http } from '@/utils/http'
export const unitTree = () => http.get('/org/units/tree')
export const createUnit = (body) => http.post('/org/units', body)
export const updateUnit = (id, body) => http.put(`/org/units/${id}`, body)
export const deleteUnit = (id) => http.del(`/org/units/${id}`)
// `csv`: UTF-8 text with the header `code,name,level,parent_code,hotline`; all or nothing.
export const importUnits = (csv) => http.postText('/org/units/import', csv, 'text/csv; charset=utf-8')

// Screening campaigns (普查/团体测评): the campaign, its roster, stats by unit and the export.
import { http, download } from '@/utils/http'
export const listCampaigns = (params) => http.get('/campaigns', params)
export const getCampaign = (id) => http.get(`/campaigns/${id}`)
export const createCampaign = (body) => http.post('/campaigns', body)
export const updateCampaign = (id, body) => http.put(`/campaigns/${id}`, body)
export const deleteCampaign = (id) => http.del(`/campaigns/${id}`)
// `csv`: UTF-8 text with the header `name,phone,unitCode,group`; all or nothing.
export const importRoster = (id, csv) => http.postText(`/campaigns/${id}/roster`, csv, 'text/csv; charset=utf-8')
export const listRoster = (id, params) => http.get(`/campaigns/${id}/roster`, params)
export const campaignStats = (id) => http.get(`/campaigns/${id}/stats`)
// Every response as Excel: {blob, filename} (the server names it `campaign-<id>.xlsx`).
export const exportCampaign = (id) => download(`/campaigns/${id}/export.xlsx`)

// Screening and early warning: campaigns (普查/团体测评) with their posters, the printable
// assessment report, and the warning rules that district admins manage.
export default [
  { path: 'results', name: 'results', component: () => import('@/views/assess/results.vue'), meta: { title: 'menu.results', icon: 'Document', permission: 'people.read', menu: true } },
  { path: 'campaigns', name: 'campaigns', component: () => import('@/views/campaigns/index.vue'), meta: { title: 'menu.campaigns', icon: 'DataAnalysis', permission: 'people.read', menu: true } },
  { path: 'campaigns/:id', name: 'campaign', component: () => import('@/views/campaigns/detail.vue'), meta: { title: 'campaigns.detailTitle', permission: 'people.read' } },
  { path: 'poster/:unitCode', name: 'poster', component: () => import('@/views/campaigns/poster.vue'), meta: { title: 'poster.title', permission: 'people.read' } },
  { path: 'assessments/:id/report', name: 'assessmentReport', component: () => import('@/views/assess/report.vue'), meta: { title: 'report.title', permission: 'people.read' } },
  { path: 'rules', name: 'rules', component: () => import('@/views/rules/index.vue'), meta: { title: 'menu.rules', icon: 'SetUp', permission: 'rules.manage', menu: true } }
]

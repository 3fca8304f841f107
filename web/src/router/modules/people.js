// Front-line work: the alert inbox (预警) and residents (居民档案).
export default [
  { path: 'alerts', name: 'alerts', component: () => import('@/views/alerts/index.vue'), meta: { title: 'menu.alerts', icon: 'Bell', permission: 'people.read', menu: true } },
  { path: 'people', name: 'people', component: () => import('@/views/people/index.vue'), meta: { title: 'menu.people', icon: 'User', permission: 'people.read', menu: true } },
  { path: 'people/:id', name: 'person', component: () => import('@/views/people/detail.vue'), meta: { title: 'people.detailTitle', permission: 'people.read' } }
]

// Administration: org units, users, audit log, break-glass log.
export default [
  { path: 'org', name: 'org', component: () => import('@/views/org/index.vue'), meta: { title: 'menu.org', icon: 'OfficeBuilding', permission: 'org.manage', menu: true } },
  { path: 'users', name: 'users', component: () => import('@/views/users/index.vue'), meta: { title: 'menu.users', icon: 'Avatar', permission: 'users.manage', menu: true } },
  { path: 'audit', name: 'audit', component: () => import('@/views/audit/index.vue'), meta: { title: 'menu.audit', icon: 'Document', permission: 'audit.read', menu: true } },
  { path: 'break-glass', name: 'breakGlass', component: () => import('@/views/audit/breakglass.vue'), meta: { title: 'menu.breakGlass', icon: 'Warning', permission: 'audit.read', menu: true } }
]

// Routes: the login page, and the signed-in layout with one module per menu section.
// Each route may name the permission it needs; the guard sends others home.
import { createRouter, createWebHistory } from 'vue-router'
import { useUserStore } from '@/stores/user'
import peopleRoutes from './modules/people'
import adminRoutes from './modules/admin'
import screeningRoutes from './modules/screening'

const routes = [
  { path: '/login', name: 'login', component: () => import('@/views/login/index.vue') },
  { path: '/s/:unitCode', name: 'self', component: () => import('@/views/self/index.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('@/components/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('@/views/home/index.vue'), meta: { title: 'menu.home', icon: 'HomeFilled' } },
      ...peopleRoutes,
      ...screeningRoutes,
      ...adminRoutes,
      // Any other address: a page that says it does not exist (inside the layout, after sign-in).
      { path: ':pathMatch(.*)*', name: 'notFound', component: () => import('@/views/notfound/index.vue'), meta: { title: 'common.pageNotFound' } }
    ]
  }
]

const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  if (to.name === 'login' || to.meta.public) return true
  const store = useUserStore()
  const user = await store.load()
  if (!user) return { name: 'login', query: { redirect: to.fullPath } }
  if (to.meta.permission && !store.can(to.meta.permission)) return { name: 'home' }
  return true
})

export default router

// Routes: the login page, and the signed-in layout with one module per menu section.
// Each route may name the permission it needs; the guard sends others home, saying why.
import { createRouter, createWebHistory } from 'vue-router'
import { ElMessage } from 'element-plus'
import { i18n } from '@/locales'
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
  if (to.meta.permission && !store.can(to.meta.permission)) {
    ElMessage.warning(i18n.global.t('common.noPermission'))
    return { name: 'home' }
  }
  return true
})

// A page whose code is gone because a new build replaced the old one: load the new build once
// (reloading the address), instead of a click that silently does nothing.
const RELOADED = 'xinan.reloadedForNewBuild'
router.onError((err, to) => {
  const stale = /dynamically imported module|Importing a module script failed/i.test(err?.message || '')
  if (stale && !sessionStorage.getItem(RELOADED)) {
    sessionStorage.setItem(RELOADED, '1')
    window.location.assign(to.fullPath)
  }
})
router.afterEach(() => sessionStorage.removeItem(RELOADED))

export default router

// Routes, each page its own chunk (the first route ships only what it needs).
import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { useSession } from './stores/session'

const routes = [
  { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
  { path: '/', name: 'home', component: () => import('./pages/HomePage.vue') },
  { path: '/leads', name: 'leads', component: () => import('./pages/LeadQueue.vue') },
  { path: '/leads/:id', name: 'lead', component: () => import('./pages/LeadDetail.vue'), props: true },
  { path: '/accounts', name: 'accounts', component: () => import('./pages/AccountList.vue') },
  { path: '/accounts/:id', name: 'account', component: () => import('./pages/Account360.vue'), props: true },
  { path: '/contacts/:id', name: 'contact', component: () => import('./pages/ContactDetail.vue'), props: true },
  { path: '/search', name: 'search', component: () => import('./pages/SearchPage.vue') },
  { path: '/kiosks', name: 'kiosks', component: () => import('./pages/KioskLookup.vue') },
  { path: '/web-forms', name: 'web-forms', component: () => import('./pages/WebFormsPage.vue') },
  { path: '/pipeline', name: 'pipeline', component: () => import('./pages/PipelineBoard.vue') },
  { path: '/opportunities', name: 'opportunities', component: () => import('./pages/OpportunityList.vue') },
  { path: '/opportunities/:id', name: 'opportunity', component: () => import('./pages/OpportunityDetail.vue'), props: true },
  { path: '/alerts', name: 'alerts', component: () => import('./pages/AlertsPage.vue') },
  { path: '/admin/:tab?', name: 'admin', component: () => import('./pages/AdminPage.vue') },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./pages/NotFound.vue'), meta: { public: true } },
]

export const router = createRouter({ history: createWebHistory(), routes })

export function loginRedirect(to: RouteLocationNormalized) {
  return { name: 'login', query: to.fullPath && to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
}

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const session = useSession()
  if (session.loggedIn || (await session.restore().catch(() => false))) return true
  return loginRedirect(to)
})

import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
import { onSessionExpired } from './api/client'
import { useSession } from './stores/session'
import { startOfflineSync } from './offline/notes'

const app = createApp(App).use(createPinia()).use(i18n).use(router)
// An expired session goes to the login page, which brings the user back to where they were.
onSessionExpired(() => {
  useSession().forget()
  const here = router.currentRoute.value
  if (here.name !== 'login') router.push({ name: 'login', query: { redirect: here.fullPath } })
})
startOfflineSync()
app.mount('#app')

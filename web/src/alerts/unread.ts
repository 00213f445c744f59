// How many stage-timeout alerts (GEN-4) the signed-in user has not read: one count for the whole app,
// refreshed when a page opens and after an alert is marked read, so the header badge and the alerts
// page never disagree.
import { ref } from 'vue'
import { api, call } from '../api/client'

export const unreadAlerts = ref(0)

export async function refreshUnreadAlerts(): Promise<void> {
  try {
    const page = await call(api.GET('/api/v1/me/alerts', { params: { query: { unread_only: true, limit: 1 } } }))
    unreadAlerts.value = page.unread_count
  } catch {
    // The badge is a hint: a failed count (sales down, offline) keeps the last one and shows no error.
  }
}

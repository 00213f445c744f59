// Log an activity; with no network it waits in the browser and is sent once, with its Idempotency-Key,
// when the network returns (U2).
import { ref } from 'vue'
import { api, call } from '../api/client'
import { ApiError } from '../api/problem'
import { indexedDbStore, type NoteBody, type NoteStore } from './store'

export const pendingNotes = ref(0)
let store: NoteStore = indexedDbStore
let flushing: Promise<void> | null = null

export function useNoteStore(replacement: NoteStore): void {
  store = replacement
}

function send(key: string, body: NoteBody) {
  return call(api.POST('/api/v1/activities', { body, params: { header: { 'Idempotency-Key': key } } }))
}

/** 'sent' when the API recorded it, 'queued' when the network was away; other failures throw. */
export async function logActivity(body: NoteBody): Promise<'sent' | 'queued'> {
  const key = crypto.randomUUID()
  if (navigator.onLine) {
    try {
      await send(key, body)
      return 'sent'
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 0) throw e
    }
  }
  await store.put({ key, body, queuedAt: new Date().toISOString() })
  pendingNotes.value = (await store.all()).length
  return 'queued'
}

/** Send what waits, oldest first; stop at the first network failure, drop what the API refused. */
export function flushNotes(): Promise<void> {
  flushing ??= (async () => {
    const waiting = (await store.all()).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt))
    for (const note of waiting) {
      try {
        await send(note.key, note.body)
      } catch (e) {
        if (e instanceof ApiError && (e.status === 0 || e.status === 401 || e.status >= 500)) break
      }
      await store.remove(note.key)
    }
    pendingNotes.value = (await store.all()).length
  })().finally(() => {
    flushing = null
  })
  return flushing
}

export function startOfflineSync(): void {
  window.addEventListener('online', () => void flushNotes())
  if (typeof indexedDB !== 'undefined') void flushNotes().catch(() => {})
}

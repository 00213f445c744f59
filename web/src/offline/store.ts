// Notes waiting for the network, kept in IndexedDB so they survive a reload (U2).
import type { components } from '../api/generated/schema'

export type NoteBody = components['schemas']['ActivityCreate']

export interface QueuedNote {
  key: string // the Idempotency-Key: a retry of the same note is recorded once
  body: NoteBody
  queuedAt: string
}

export interface NoteStore {
  all(): Promise<QueuedNote[]>
  put(note: QueuedNote): Promise<void>
  remove(key: string): Promise<void>
}

const DB = 'crm-offline'
const STORE = 'notes'

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' })
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open()
  return new Promise((resolve, reject) => {
    const request = work(db.transaction(STORE, mode).objectStore(STORE))
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  }).finally(() => db.close()) as Promise<T>
}

export const indexedDbStore: NoteStore = {
  all: () => run('readonly', (s) => s.getAll() as IDBRequest<QueuedNote[]>),
  put: async (note) => {
    await run('readwrite', (s) => s.put(note))
  },
  remove: async (key) => {
    await run('readwrite', (s) => s.delete(key))
  },
}

export function memoryStore(): NoteStore {
  const notes = new Map<string, QueuedNote>()
  return {
    all: async () => [...notes.values()],
    put: async (note) => void notes.set(note.key, note),
    remove: async (key) => void notes.delete(key),
  }
}

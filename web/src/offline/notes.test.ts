// U2: a note saved with no network waits, then is sent once with its Idempotency-Key.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushNotes, logActivity, pendingNotes, useNoteStore } from './notes'
import { memoryStore, type NoteBody } from './store'

const NOTE: NoteBody = { account_id: 'a1', kind: 'note', subject: 'Note', body: 'Met the buyer' }
let online = true
let network: { key: string | null; body: string }[]

beforeEach(() => {
  useNoteStore(memoryStore())
  network = []
  online = true
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online)
  vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
    if (!online) throw new TypeError('Failed to fetch')
    network.push({ key: request.headers.get('Idempotency-Key'), body: await request.text() })
    return new Response(JSON.stringify({ id: 'x' }), { status: 201, headers: { 'Content-Type': 'application/json' } })
  }))
})
afterEach(() => vi.unstubAllGlobals())

describe('the offline note queue', () => {
  it('sends at once when online', async () => {
    expect(await logActivity(NOTE)).toBe('sent')
    expect(network).toHaveLength(1)
    expect(network[0].key).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('keeps a note written offline and sends it once when the network returns', async () => {
    online = false
    expect(await logActivity(NOTE)).toBe('queued')
    expect(pendingNotes.value).toBe(1)
    await flushNotes() // still offline: nothing lost
    expect(pendingNotes.value).toBe(1)
    online = true
    await Promise.all([flushNotes(), flushNotes()])
    await flushNotes()
    expect(network).toHaveLength(1)
    expect(JSON.parse(network[0].body).body).toBe('Met the buyer')
    expect(pendingNotes.value).toBe(0)
  })

  it('queues when the request itself fails for want of network', async () => {
    vi.mocked(fetch).mockRejectedValueOnce(new TypeError('Failed to fetch'))
    expect(await logActivity(NOTE)).toBe('queued')
    await flushNotes()
    expect(network).toHaveLength(1)
  })
})

import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useSession } from './session'
import { api, call, onSessionExpired, setAccessToken } from '../api/client'

const json = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
const ME = { id: 'u1', kind: 'user', username: 'sdr1', full_name: 'Sydney', email: 'x@y', role: 'sdr', territories: [],
  manager_id: null, active: true, language: 'zh-CN', allowed: ['leads.read', 'leads.convert'] }

let calls: { url: string; auth: string | null; session: string | null }[]
let accessValid: string

beforeEach(() => {
  setActivePinia(createPinia())
  setAccessToken(null)
  calls = []
  accessValid = 'token-1'
  vi.stubGlobal('fetch', vi.fn(async (input: Request | string, init?: RequestInit) => {
    const request = typeof input === 'string' ? new Request(new URL(input, location.origin), init) : input
    const url = new URL(request.url).pathname
    calls.push({ url, auth: request.headers.get('Authorization'), session: request.headers.get('X-CRM-Session') })
    if (url === '/api/v1/auth/session') return json(200, { access_token: 'token-1', expires_in: 900 })
    if (url === '/api/v1/auth/session/refresh') return json(200, { access_token: 'token-2', expires_in: 900 })
    if (url === '/api/v1/me') {
      return request.headers.get('Authorization') === `Bearer ${accessValid}` ? json(200, ME) : json(401, { detail: 'expired' })
    }
    return json(404, {})
  }))
})

describe('the session store', () => {
  it('logs in through the cookie endpoint and learns what the user may do', async () => {
    const session = useSession()
    await session.login('sdr1', 'pw')
    expect(calls[0]).toMatchObject({ url: '/api/v1/auth/session', session: '1' })
    expect(session.can('leads.convert')).toBe(true)
    expect(session.can('accounts.edit')).toBe(false)
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(JSON.stringify(localStorage)).not.toContain('token-1') // the access token stays in memory
  })

  it('renews an expired access token once and replays the call', async () => {
    const session = useSession()
    await session.login('sdr1', 'pw')
    accessValid = 'token-2'
    const me = await call(api.GET('/api/v1/me'))
    expect(me.username).toBe('sdr1')
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/auth/session', '/api/v1/me', '/api/v1/me',
      '/api/v1/auth/session/refresh', '/api/v1/me'])
    expect(calls.at(-1)!.auth).toBe('Bearer token-2')
  })

  it('reports an expired session when the cookie is gone too', async () => {
    const expired = vi.fn()
    onSessionExpired(expired)
    vi.mocked(fetch).mockImplementation(async () => json(401, { detail: 'no session' }))
    await expect(call(api.GET('/api/v1/me'))).rejects.toMatchObject({ status: 401 })
    expect(expired).toHaveBeenCalledOnce()
  })
})

// The one way to call the API: typed by the generated schema, the access token kept in memory and renewed
// through the HttpOnly session cookie once when a call answers 401; failures become an ApiError.
import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from './generated/schema'
import { ApiError, toApiError } from './problem'

export const SESSION_HEADER = { 'X-CRM-Session': '1' }

let accessToken: string | null = null
let renewing: Promise<boolean> | null = null
let onExpired: () => void = () => {}

export function setAccessToken(token: string | null): void {
  accessToken = token
}

export function hasAccessToken(): boolean {
  return accessToken !== null
}

export function onSessionExpired(handler: () => void): void {
  onExpired = handler
}

/** Spend the session cookie for a new access token; concurrent callers share one renewal. */
export function renewAccessToken(): Promise<boolean> {
  renewing ??= fetch('/api/v1/auth/session/refresh', { method: 'POST', headers: SESSION_HEADER, credentials: 'same-origin' })
    .then(async (r) => {
      accessToken = r.ok ? (await r.json()).access_token : null
      return r.ok
    })
    .catch(() => false)
    .finally(() => {
      renewing = null
    })
  return renewing
}

const retries = new Map<string, Request>()

const auth: Middleware = {
  onRequest({ request, id }) {
    if (accessToken) request.headers.set('Authorization', `Bearer ${accessToken}`)
    if (!request.url.includes('/api/v1/auth/')) retries.set(id, request.clone())
    return request
  },
  async onResponse({ response, id }) {
    const retry = retries.get(id)
    retries.delete(id)
    if (response.status !== 401 || !retry) return response
    if (!(await renewAccessToken())) {
      onExpired()
      return response
    }
    retry.headers.set('Authorization', `Bearer ${accessToken}`)
    return fetch(retry)
  },
}

// fetch looked up on each call, so tests (and service workers) can stand in for the network
export const api = createClient<paths>({ baseUrl: location.origin, fetch: (request) => globalThis.fetch(request) })
api.use(auth)

/** The data of a call, or its failure thrown as an ApiError (network loss is status 0). */
export async function call<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result
  try {
    result = await pending
  } catch (e) {
    throw new ApiError(0, String(e))
  }
  if (!result.response.ok) throw await toApiError(result.response)
  return result.data as T
}

/** A multipart upload with progress (fetch reports none), under the same token and renewal rules. */
export function upload(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<unknown> {
  const send = () => new Promise<{ status: number; text: string }>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', path)
    if (accessToken) xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`)
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total)
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText })
    xhr.onerror = () => reject(new ApiError(0, ''))
    xhr.send(form)
  })
  return send()
    .then(async (answer) => (answer.status === 401 && (await renewAccessToken()) ? send() : answer))
    .then(async (answer) => {
      const response = new Response(answer.text || null, { status: answer.status })
      if (!response.ok) {
        if (answer.status === 401) onExpired()
        throw await toApiError(response)
      }
      return JSON.parse(answer.text)
    })
}

/** Save what an authenticated GET answers (e.g. a CSV) as a file. */
export async function download(path: string, filename: string): Promise<void> {
  const { data, response } = await api.GET(path as any, { parseAs: 'blob' })
  if (!response.ok) throw await toApiError(response)
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(data as Blob), download: filename })
  link.click()
  URL.revokeObjectURL(link.href)
}

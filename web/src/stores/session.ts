// Who is logged in and what they may do (the API's `allowed` list, never a copy of the role rules).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, call, renewAccessToken, setAccessToken, SESSION_HEADER } from '../api/client'
import type { components } from '../api/generated/schema'
import { applyLanguage, type Language } from '../i18n'

export type Me = components['schemas']['MeWithPermissions']

const urlencoded = (body: Record<string, unknown>) => new URLSearchParams(body as Record<string, string>).toString()

export const useSession = defineStore('session', () => {
  const me = ref<Me | null>(null)
  const loggedIn = computed(() => me.value !== null)

  function can(capability: string): boolean {
    return me.value?.allowed.includes(capability) ?? false
  }

  async function loadMe(): Promise<void> {
    me.value = await call(api.GET('/api/v1/me'))
    if (me.value?.language) applyLanguage(me.value.language)
  }

  async function login(username: string, password: string): Promise<void> {
    const session = await call(api.POST('/api/v1/auth/session', {
      body: { username, password, scope: '' }, bodySerializer: urlencoded,
      headers: { ...SESSION_HEADER, 'Content-Type': 'application/x-www-form-urlencoded' },
    }))
    setAccessToken(session.access_token)
    await loadMe()
  }

  /** After a reload: the session cookie, if still valid, gives a new access token. */
  async function restore(): Promise<boolean> {
    if (me.value) return true
    if (!(await renewAccessToken())) return false
    await loadMe()
    return true
  }

  async function logout(): Promise<void> {
    await api.DELETE('/api/v1/auth/session', { headers: SESSION_HEADER })
    forget()
  }

  function forget(): void {
    setAccessToken(null)
    me.value = null
  }

  /** Switch the UI language and store it on the user so it follows them to another device. */
  async function setLanguage(language: Language): Promise<void> {
    applyLanguage(language)
    if (me.value?.kind === 'user') me.value = await call(api.PATCH('/api/v1/me', { body: { language } }))
  }

  return { me, loggedIn, can, login, restore, logout, forget, setLanguage }
})

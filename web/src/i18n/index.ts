// The one way to translate: every string of the UI is a key of en.ts, translated in zh-CN.ts.
import { createI18n } from 'vue-i18n'
import en from './en'
import zhCN from './zh-CN'

export const LANGUAGES = ['en', 'zh-CN'] as const
export type Language = (typeof LANGUAGES)[number]
const STORED = 'crm.language'

export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORED)
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLanguage(),
  fallbackLocale: 'en',
  messages: { en, 'zh-CN': zhCN },
})

export function applyLanguage(language: Language): void {
  i18n.global.locale.value = language
  localStorage.setItem(STORED, language)
  document.documentElement.lang = language
}

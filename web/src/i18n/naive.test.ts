// Issue 9: no input or select falls back to Naive UI's built-in wording ("Please Input", "请输入") in either
// language: Naive UI's locale takes our catalogs' strings, and every input and select names its placeholder.
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { NConfigProvider, NInput, NSelect, enUS, zhCN } from 'naive-ui'
import { i18n, LANGUAGES } from '.'
import { naiveLocale } from './naive'

const BUILT_IN = [enUS.Input.placeholder, enUS.Select.placeholder, enUS.Empty.description,
  zhCN.Input.placeholder, zhCN.Select.placeholder, zhCN.Empty.description]
const sources = import.meta.glob('../**/*.vue', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

describe("Naive UI's own strings", () => {
  it.each(LANGUAGES)('come from the %s catalog', (language) => {
    i18n.global.locale.value = language
    const bare = defineComponent(() => () => h(NConfigProvider, { locale: naiveLocale(language, i18n.global.t) },
      () => [h(NInput), h(NSelect, { options: [] })]))
    const html = mount(bare).html()
    expect(html).toContain(i18n.global.t('form.typeHere'))
    expect(html).toContain(i18n.global.t('form.chooseOne'))
    for (const text of BUILT_IN) expect(html).not.toContain(text)
    i18n.global.locale.value = 'en'
  })

  it('are never needed: every input and select of the app names its placeholder', () => {
    const bare = Object.entries(sources).flatMap(([file, source]) =>
      [...source.matchAll(/<N(Input|Select)\b[\s\S]*?\/>/g)].filter((m) => !/\splaceholder=|:placeholder=/.test(m[0]))
        .map((m) => `${file}: ${m[0].slice(0, 60)}`))
    expect(bare).toEqual([])
  })
})

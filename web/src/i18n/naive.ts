// Naive UI's own strings (an input's or a select's default placeholder, "No Data") from our catalogs, on top
// of its en-US or zh-CN locale: no component falls back to Naive UI's built-in English or Chinese wording.
import { createLocale, dateEnUS, dateZhCN, enUS, zhCN, type NDateLocale, type NLocale } from 'naive-ui'
import type { Language } from '.'

type Translate = (key: string) => string

export function naiveLocale(language: Language, t: Translate): NLocale {
  const typeHere = { placeholder: t('form.typeHere') }
  return createLocale({
    Input: typeHere, InputNumber: typeHere,
    Select: { placeholder: t('form.chooseOne') }, Cascader: { placeholder: t('form.chooseOne') },
    Empty: { description: t('common.none') },
  }, language === 'zh-CN' ? zhCN : enUS)
}

export const naiveDateLocale = (language: Language): NDateLocale => (language === 'zh-CN' ? dateZhCN : dateEnUS)

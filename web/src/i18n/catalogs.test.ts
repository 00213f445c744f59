// U3: zh-CN has every English key, nothing more, each translated, with the same placeholders.
import { describe, expect, it } from 'vitest'
import en from './en'
import zhCN from './zh-CN'

type Tree = { [key: string]: string | Tree }

export function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.entries(tree).reduce<Record<string, string>>((flat, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return typeof value === 'string' ? { ...flat, [path]: value } : { ...flat, ...flatten(value, path) }
  }, {})
}

export const placeholders = (message: string) => [...message.matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => m[1]).sort()

describe('the zh-CN catalog', () => {
  const english = flatten(en as Tree)
  const chinese = flatten(zhCN as Tree)

  it('has exactly the English keys', () => {
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort())
  })

  it('keeps every placeholder of each English message', () => {
    const mismatched = Object.keys(english).filter(
      (key) => JSON.stringify(placeholders(english[key])) !== JSON.stringify(placeholders(chinese[key] ?? '')))
    expect(mismatched).toEqual([])
  })

  it('translates every message that has words', () => {
    // Same text is allowed only for names that are the same in both languages.
    const same = Object.keys(english).filter((key) => /[a-z]{2}/i.test(english[key]) && english[key] === chinese[key])
    expect(same).toEqual(['app.name', 'language.en'])
  })
})

describe('the placeholder check', () => {
  it('finds a missing or renamed placeholder', () => {
    expect(placeholders('{count} notes for {name}')).toEqual(['count', 'name'])
    expect(placeholders('备注')).not.toEqual(placeholders('{count} notes'))
  })
})

import { describe, expect, it } from 'vitest'
import { formatDate, formatMoney, formatNumber, telHref } from './format'

describe('formatting for the user locale (U3)', () => {
  it('writes dates the Chinese way', () => {
    expect(formatDate('2026-11-22', 'zh-CN')).toBe('2026年11月22日')
    expect(formatDate('2026-11-22', 'en')).toBe('November 22, 2026')
  })

  it('writes money with the currency of the figure', () => {
    expect(formatMoney('1234.5', 'en', 'USD')).toBe('$1,234.50')
    expect(formatMoney('1234.5', 'zh-CN', 'CNY')).toBe('¥1,234.50')
    expect(formatMoney('1234.5', 'zh-CN', 'USD')).toBe('$1,234.50')
    expect(formatMoney(null, 'en')).toBe('')
  })

  it('groups numbers', () => {
    expect(formatNumber(12345, 'zh-CN')).toBe('12,345')
  })

  it('dials any formatting of a number', () => {
    expect(telHref('(713) 898-4229')).toBe('tel:7138984229')
    expect(telHref('+86 138 0013 8000')).toBe('tel:+8613800138000')
  })
})

describe('money as exact decimals', () => {
  it('formats a decimal string beyond float precision as it is', () => {
    expect(formatMoney('9007199254740993.01', 'en', 'USD')).toBe('$9,007,199,254,740,993.01')
  })
})

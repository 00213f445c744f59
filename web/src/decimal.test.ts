import { describe, expect, it } from 'vitest'
import { addDecimal, isAmount, sumDecimals } from './decimal'

describe('exact decimal strings', () => {
  it('adds without binary rounding', () => {
    expect(addDecimal('0.1', '0.2')).toBe('0.3')
    expect(addDecimal('0.10', '0.2')).toBe('0.30')
    expect(addDecimal('9999999999999999.99', '0.01')).toBe('10000000000000000.00')
    expect(addDecimal('12500', '0.005')).toBe('12500.005')
    expect(addDecimal('-1.50', '1.25')).toBe('-0.25')
  })

  it('sums any number of amounts to the cent', () => {
    expect(sumDecimals([])).toBe('0')
    expect(sumDecimals(Array.from({ length: 1000 }, () => '0.01'))).toBe('10.00')
    expect(sumDecimals(['1234567890123456.78', '0.22'])).toBe('1234567890123457.00')
  })

  it('refuses what is not a decimal', () => {
    expect(() => addDecimal('1e3', '1')).toThrow()
    expect(isAmount('12.50')).toBe(true)
    expect(isAmount('12.')).toBe(false)
    expect(isAmount('-1')).toBe(false)
  })
})

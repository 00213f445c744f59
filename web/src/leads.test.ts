import { describe, expect, it } from 'vitest'
import { fullName, valueKey } from './leads'

describe('names (U5)', () => {
  it('puts the family name first for a Chinese name, the given name first otherwise', () => {
    expect(fullName({ first_name: '三', last_name: '张' })).toBe('张三')
    expect(fullName({ first_name: 'Susan', last_name: 'Chen' })).toBe('Susan Chen')
  })
})

describe('value keys', () => {
  it('turns API values into i18n keys', () => {
    expect(valueKey('too small')).toBe('too_small')
    expect(valueKey('-created_at')).toBe('_created_at')
  })
})

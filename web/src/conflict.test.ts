import { describe, expect, it } from 'vitest'
import { changedFields, rebaseDraft } from './conflict'

describe('what someone else changed (412)', () => {
  it('lists the fields that differ, the version and its time aside', () => {
    const stale = { id: '1', amount: '100.00', stage: 'proposal', competitor_ids: ['a'], version: 1, updated_at: 'x' }
    const fresh = { id: '1', amount: '150.00', stage: 'proposal', competitor_ids: ['a', 'b'], version: 2, updated_at: 'y' }
    expect(changedFields(stale, fresh)).toEqual([
      { field: 'amount', before: '100.00', after: '150.00' },
      { field: 'competitor_ids', before: '["a"]', after: '["a","b"]' },
    ])
  })

  it('shows an empty value as a dash', () => {
    expect(changedFields({ loss_reason: '' }, { loss_reason: 'price' })).toEqual([{ field: 'loss_reason', before: '—', after: 'price' }])
  })

  it('shows values the way the page does', () => {
    const money = (field: string, value: unknown) => (field === 'amount' ? `$${value}` : String(value))
    expect(changedFields({ amount: '1', version: 1 }, { amount: '2', version: 2 }, ['version'], money))
      .toEqual([{ field: 'amount', before: '$1', after: '$2' }])
  })
})

describe('the form after a conflict', () => {
  it('keeps the fields the user changed and takes the fresh value of the others', () => {
    const started = { name: 'Old', amount: '100' }
    const draft = { name: 'Old', amount: '150' }
    const fresh: Record<string, string> = { name: 'Renamed', amount: '120' }
    rebaseDraft(draft, started, ['name', 'amount'], (f) => fresh[f])
    expect(draft).toEqual({ name: 'Renamed', amount: '150' })
    expect(started).toEqual({ name: 'Renamed', amount: '120' })
  })
})

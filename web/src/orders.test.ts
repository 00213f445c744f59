import { describe, expect, it } from 'vitest'
import { monthlyTotals } from './orders'

describe('monthly order totals', () => {
  it('adds the orders of each month, oldest month first', () => {
    expect(monthlyTotals([
      { order_date: '2026-03-14', total_amount: '100.50' },
      { order_date: '2025-12-01', total_amount: '20' },
      { order_date: '2026-03-02', total_amount: '0.50' },
    ])).toEqual([['2025-12', 20], ['2026-03', 101]])
  })
})

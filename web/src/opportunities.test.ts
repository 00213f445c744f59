import { describe, expect, it } from 'vitest'
import { groupByStage, moveBody, movesFrom, needsLossReason, reopenTargets, timeInStage, totalsByCurrency, type Opportunity, type Stage } from './opportunities'

const stage = (code: string, position: number, kind = 'open'): Stage =>
  ({ code, name: code, position, kind, probability: 10, forecast_category: 'pipeline' })
const STAGES = [stage('closed_lost', 7, 'lost'), stage('prospecting', 1), stage('proposal', 3), stage('closed_won', 6, 'won')]
const deal = (id: string, stageCode: string, amount: string, currency = 'USD') =>
  ({ id, stage: stageCode, amount, currency }) as Opportunity

describe('the pipeline board', () => {
  it('has a column per stage in process order, empty ones too, with exact totals', () => {
    const columns = groupByStage([deal('a', 'proposal', '0.10'), deal('b', 'proposal', '0.20'), deal('c', 'gone', '5'),
      deal('d', 'prospecting', '100.00', 'EUR'), deal('e', 'prospecting', '1.00')], STAGES)
    expect(columns.map((c) => c.stage.code)).toEqual(['prospecting', 'proposal', 'closed_won', 'closed_lost'])
    expect(columns[1].items.map((o) => o.id)).toEqual(['a', 'b'])
    expect(columns[1].totals).toEqual([{ currency: 'USD', amount: '0.30' }])
    expect(columns[0].totals).toEqual([{ currency: 'EUR', amount: '100.00' }, { currency: 'USD', amount: '1.00' }])
    expect(columns[2]).toMatchObject({ items: [], totals: [] })
  })

  it('totals to the cent where floats would not', () => {
    const many = Array.from({ length: 3 }, (_, i) => deal(String(i), 'proposal', '0.10'))
    expect(totalsByCurrency(many)).toEqual([{ currency: 'USD', amount: '0.30' }])
    expect(totalsByCurrency([deal('x', 'proposal', '9007199254740993.01')])[0].amount).toBe('9007199254740993.01')
  })
})

describe('time in stage (S1)', () => {
  const now = new Date('2026-12-06T12:00:00Z')
  it('reads in the largest whole unit', () => {
    expect(timeInStage('2026-12-06T11:59:30Z', now)).toEqual({ unit: 'minutes', count: 0 })
    expect(timeInStage('2026-12-06T11:15:00Z', now)).toEqual({ unit: 'minutes', count: 45 })
    expect(timeInStage('2026-12-06T07:00:00Z', now)).toEqual({ unit: 'hours', count: 5 })
    expect(timeInStage('2026-11-20T12:00:00Z', now)).toEqual({ unit: 'days', count: 16 })
    expect(timeInStage('2026-12-07T00:00:00Z', now)).toEqual({ unit: 'minutes', count: 0 }) // a clock ahead: never negative
  })
})

describe('where a card may move (S3)', () => {
  it('moves an open or won card to any other stage, in order', () => {
    expect(movesFrom('prospecting', STAGES).map((s) => s.code)).toEqual(['proposal', 'closed_won', 'closed_lost'])
    expect(movesFrom('closed_won', STAGES).map((s) => s.code)).toEqual(['prospecting', 'proposal', 'closed_lost'])
  })

  it('never moves a Closed Lost card: it is reopened, into an open stage', () => {
    expect(movesFrom('closed_lost', STAGES)).toEqual([])
    expect(reopenTargets('closed_lost', STAGES).map((s) => s.code)).toEqual(['prospecting', 'proposal'])
    expect(reopenTargets('proposal', STAGES)).toEqual([])
  })

  it('asks for a loss reason on Closed Lost only (OPP-2)', () => {
    expect(needsLossReason('closed_lost', STAGES)).toBe(true)
    expect(needsLossReason('closed_won', STAGES)).toBe(false)
    expect(moveBody('proposal', STAGES, null)).toEqual({ stage: 'proposal' })
    expect(moveBody('closed_lost', STAGES, 'price')).toEqual({ stage: 'closed_lost', loss_reason: 'price' })
    expect(() => moveBody('closed_lost', STAGES, null)).toThrow()
  })
})

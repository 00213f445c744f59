// What the sales pages share (OPP-1, OPP-2, S1, S3): the board's columns and their exact totals, time in
// stage, and where a card may move (Closed Lost is terminal: leaving it is the explicit reopen).
import type { components } from './api/generated/schema'
import { sumDecimals } from './decimal'

export type Opportunity = components['schemas']['OpportunityRead']
export type OpportunityDetail = components['schemas']['OpportunityDetail']
export type Stage = components['schemas']['StageRead']
export type LossReason = components['schemas']['LossReasonRead']
export type SalesProcess = components['schemas']['SalesProcessRead']

export const SORTS = ['close_date', '-close_date', '-amount', 'amount', 'name', '-updated_at'] as const
export const TYPES = ['net_new', 'add_on'] as const
// The fields a user changes in the detail's form (stage through the stage control, competitors apart).
export const FORM_FIELDS = ['name', 'type', 'amount', 'currency', 'close_date', 'probability', 'committed',
  'description'] as const

/** A column's total in one currency: amounts in different currencies are never added together. */
export interface Total {
  currency: string
  amount: string
}

export interface Column {
  stage: Stage
  items: Opportunity[]
  totals: Total[]
}

/** Exact totals per currency, the currencies in alphabetical order. */
export function totalsByCurrency(items: readonly Pick<Opportunity, 'amount' | 'currency'>[]): Total[] {
  const amounts = new Map<string, string[]>()
  for (const o of items) amounts.set(o.currency, [...(amounts.get(o.currency) ?? []), o.amount])
  return [...amounts.keys()].sort().map((currency) => ({ currency, amount: sumDecimals(amounts.get(currency)!) }))
}

/** One column per stage in the process's order (empty ones too), each with its cards and totals;
 *  a card in a stage the process no longer has is left out. */
export function groupByStage(items: readonly Opportunity[], stages: readonly Stage[]): Column[] {
  return [...stages].sort((a, b) => a.position - b.position).map((stage) => {
    const inStage = items.filter((o) => o.stage === stage.code)
    return { stage, items: inStage, totals: totalsByCurrency(inStage) }
  })
}

export type Span = { unit: 'minutes' | 'hours' | 'days'; count: number }

/** How long since the opportunity entered its stage (S1), in the largest whole unit, for i18n plurals. */
export function timeInStage(enteredAt: string, now: Date = new Date()): Span {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(enteredAt).getTime()) / 60_000))
  if (minutes < 60) return { unit: 'minutes', count: minutes }
  if (minutes < 60 * 24) return { unit: 'hours', count: Math.floor(minutes / 60) }
  return { unit: 'days', count: Math.floor(minutes / (60 * 24)) }
}

const stageOf = (code: string, stages: readonly Stage[]) => stages.find((s) => s.code === code)

/** The stages a card may be moved to by an edit: any other stage, none out of Closed Lost (S3). */
export function movesFrom(code: string, stages: readonly Stage[]): Stage[] {
  const current = stageOf(code, stages)
  if (!current || current.kind === 'lost') return []
  return [...stages].filter((s) => s.code !== code).sort((a, b) => a.position - b.position)
}

/** The open stages a Closed Lost opportunity may be reopened into; none for any other. */
export function reopenTargets(code: string, stages: readonly Stage[]): Stage[] {
  return stageOf(code, stages)?.kind === 'lost'
    ? [...stages].filter((s) => s.kind === 'open').sort((a, b) => a.position - b.position)
    : []
}

/** OPP-2: entering Closed Lost needs a loss reason. */
export const needsLossReason = (code: string, stages: readonly Stage[]) => stageOf(code, stages)?.kind === 'lost'

export const isClosed = (code: string, stages: readonly Stage[]) => (stageOf(code, stages)?.kind ?? 'open') !== 'open'

/** The body of a stage move: the stage, and the loss reason when the stage is Closed Lost. */
export function moveBody(code: string, stages: readonly Stage[], lossReason: string | null): { stage: string; loss_reason?: string } {
  if (!needsLossReason(code, stages)) return { stage: code }
  if (!lossReason) throw new Error('a loss reason is required for Closed Lost')
  return { stage: code, loss_reason: lossReason }
}

// What the lead pages share: the statuses, reasons and sorts the leads service accepts (LEAD-4, LEAD-5).
import type { components } from './api/generated/schema'

export type Lead = components['schemas']['LeadRead']
export const STATUSES = ['New', 'Working', 'Qualified', 'Unqualified', 'Customer'] as const
export const UNQUALIFIED_REASONS = ['too small', 'bad geography', 'bad information', 'competitor'] as const
export const RATINGS = ['A', 'B', 'C'] as const
export const SORTS = ['-created_at', 'created_at', '-updated_at', 'last_name', 'company', 'rating'] as const
// The statuses a lead may move to by hand (Customer only by converting).
export const NEXT: Record<string, string[]> = {
  New: ['Working', 'Qualified', 'Unqualified'],
  Working: ['Qualified', 'Unqualified', 'New'],
  Qualified: ['Working', 'Unqualified'],
  Unqualified: ['Working', 'New'],
  Customer: [],
}

/** An i18n key for a value from the API (spaces are not key characters). */
export const valueKey = (value: string) => value.replace(/[^A-Za-z0-9]+/g, '_')

const HAN = /[\u3400-\u9fff]/

/** Family name first, without a space, for a Chinese name (U5); given name first otherwise. */
export function fullName(person: { first_name: string; last_name: string }): string {
  return HAN.test(person.first_name + person.last_name)
    ? `${person.last_name}${person.first_name}`
    : `${person.first_name} ${person.last_name}`.trim()
}

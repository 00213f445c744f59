// An edit refused with 412: what the other user changed between the version the user edited and now,
// so a page can say "someone changed this, here is what changed" and keep the user's own edits.

export interface FieldChange {
  field: string
  before: string
  after: string
}

export const shown = (value: unknown) =>
  value === null || value === undefined || value === '' ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value)

/** The fields that differ between the stale record and the fresh one (the version and its time aside),
 *  each value as `show` puts it (default: as text, empty as a dash). */
export function changedFields(stale: object, fresh: object, ignored: readonly string[] = ['version', 'updated_at'],
  show: (field: string, value: unknown) => string = (_field, value) => shown(value)): FieldChange[] {
  const before = stale as Record<string, unknown>
  const after = fresh as Record<string, unknown>
  return Object.keys(after)
    .filter((f) => !ignored.includes(f) && JSON.stringify(after[f]) !== JSON.stringify(before[f]))
    .map((f) => ({ field: f, before: show(f, before[f]), after: show(f, after[f]) }))
}

/** After a conflict the form starts from the fresh version: a field the user changed keeps their value,
 *  every other field takes the fresh one; `started` becomes the fresh values, so a save sends only the
 *  user's changes on top of the other user's. `value` reads a field of the fresh record as the form holds it. */
export function rebaseDraft<V>(draft: Record<string, V>, started: Record<string, V>, fields: readonly string[],
  value: (field: string) => V): void {
  for (const f of fields) {
    const now = value(f)
    if (draft[f] === started[f]) draft[f] = now
    started[f] = now
  }
}

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

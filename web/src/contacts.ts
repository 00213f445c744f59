// The contact form's rules (CON-1): which fields it edits, and the PATCH body of what changed. The API
// replaces a whole email or phone list, so the form edits the primary email and the first phone and sends
// the others back as they were.
import type { components } from './api/generated/schema'

type Contact = components['schemas']['ContactRead']
type ContactUpdate = components['schemas']['ContactUpdate']

export const CONTACT_FIELDS = ['first_name', 'last_name', 'title', 'role', 'email', 'phone', 'linkedin_url'] as const
export type ContactField = (typeof CONTACT_FIELDS)[number]
export type ContactDraft = Record<ContactField, string>
const TEXT = ['first_name', 'last_name', 'title', 'role', 'linkedin_url'] as const

const primaryEmail = (c: Contact) => c.emails.find((e) => e.primary) ?? c.emails[0]

/** The form's starting values. */
export function contactDraft(contact: Contact): ContactDraft {
  return {
    first_name: contact.first_name, last_name: contact.last_name, title: contact.title, role: contact.role,
    linkedin_url: contact.linkedin_url, email: primaryEmail(contact)?.address ?? '', phone: contact.phones[0]?.number ?? '',
  }
}

/** The PATCH body: only the fields the caller changed and may change (`editable(field)`). */
export function contactChanges(contact: Contact, draft: ContactDraft,
  editable: (field: ContactField) => boolean): ContactUpdate {
  const start = contactDraft(contact)
  const changed = (f: ContactField) => editable(f) && draft[f].trim() !== start[f]
  const body: ContactUpdate = {}
  for (const f of TEXT) if (changed(f)) body[f] = draft[f].trim()
  if (changed('email')) {
    const kept = contact.emails.filter((e) => e !== primaryEmail(contact)).map((e) => ({ ...e, primary: false }))
    const address = draft.email.trim()
    body.emails = address ? [{ address, primary: true }, ...kept] : kept
  }
  if (changed('phone')) {
    const [first, ...rest] = contact.phones
    const number = draft.phone.trim()
    body.phones = number ? [{ type: first?.type ?? 'work', extension: first?.extension ?? '', number }, ...rest] : rest
  }
  return body
}

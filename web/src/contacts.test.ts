import { describe, expect, it } from 'vitest'
import { contactChanges, contactDraft } from './contacts'
import type { components } from './api/generated/schema'

const contact = {
  id: 'c1', account_id: 'a1', first_name: 'Ana', last_name: 'Lopes', title: 'Buyer', role: '', email2: '',
  emails: [{ address: 'old@harbor.example', primary: false }, { address: 'ana@harbor.example', primary: true }],
  phones: [{ number: '617-555-0100', type: 'mobile', extension: '' }, { number: '617-555-0101', type: 'work', extension: '12' }],
  holiday_card: false, status: 'active', linkedin_url: '', legacy_id: '', account_status: 'active',
  account_type: 'customer', created_at: null, updated_at: null, version: 3,
} as components['schemas']['ContactRead']
const all = () => true

describe('the contact form (CON-1)', () => {
  it('starts from the primary email and the first phone', () => {
    expect(contactDraft(contact)).toMatchObject({ email: 'ana@harbor.example', phone: '617-555-0100' })
  })
  it('sends only what changed', () => {
    expect(contactChanges(contact, { ...contactDraft(contact), title: ' Head buyer ' }, all)).toEqual({ title: 'Head buyer' })
    expect(contactChanges(contact, contactDraft(contact), all)).toEqual({})
  })
  it('replaces the primary email and keeps the others, not primary', () => {
    expect(contactChanges(contact, { ...contactDraft(contact), email: 'ana.l@harbor.example' }, all).emails).toEqual([
      { address: 'ana.l@harbor.example', primary: true }, { address: 'old@harbor.example', primary: false }])
    expect(contactChanges(contact, { ...contactDraft(contact), email: '' }, all).emails).toEqual([
      { address: 'old@harbor.example', primary: false }])
  })
  it('replaces the first phone keeping its type, and leaves the rest', () => {
    expect(contactChanges(contact, { ...contactDraft(contact), phone: '617-555-0199' }, all).phones).toEqual([
      { number: '617-555-0199', type: 'mobile', extension: '' }, contact.phones[1]])
  })
  it('never sends a field the caller may not change', () => {
    expect(contactChanges(contact, { ...contactDraft(contact), last_name: 'Silva' }, (f) => f !== 'last_name')).toEqual({})
  })
})

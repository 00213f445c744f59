// MOB-1: kind, text, save, and the outcome shown; nothing is sent without text.
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n, applyLanguage } from '../i18n'
import QuickLog from './QuickLog.vue'

vi.mock('../offline/notes', () => ({ logActivity: vi.fn(async () => 'queued') }))
const { logActivity } = await import('../offline/notes')

describe('QuickLog', () => {
  it('logs a meeting in two taps after typing, and says it waits for the network', async () => {
    applyLanguage('en')
    const view = mount(QuickLog, { props: { accountId: 'a1' }, global: { plugins: [i18n] }, attachTo: document.body })
    await view.get('[data-test=log-meeting]').trigger('click')
    expect(view.get('[data-test=log-save]').attributes('disabled')).toBeDefined()
    await view.get('textarea').setValue('Walked the garage\nthree kiosks')
    await view.get('form').trigger('submit')
    await flushPromises()
    expect(logActivity).toHaveBeenCalledWith({ account_id: 'a1', kind: 'meeting', subject: 'Walked the garage',
      body: 'Walked the garage\nthree kiosks', direction: undefined })
    expect(view.get('[data-test=log-outcome]').text()).toContain('No network')
    expect(view.emitted('logged')).toEqual([['queued']])
    view.unmount()
  })
})

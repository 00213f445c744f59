import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n, applyLanguage } from '../i18n'
import { ApiError } from '../api/problem'
import ErrorNotice from './ErrorNotice.vue'

const render = (error: unknown) => mount(ErrorNotice, { props: { error }, global: { plugins: [i18n] } })

describe('ErrorNotice', () => {
  it('says clearly what a refusal means, in the user language', () => {
    applyLanguage('en')
    expect(render(new ApiError(403, 'the role csr may not do this')).text()).toContain('Your role does not allow this.')
    applyLanguage('zh-CN')
    expect(render(new ApiError(429, 'slow down')).text()).toContain('尝试次数过多')
    applyLanguage('en')
  })

  it('shows nothing without an error', () => {
    expect(render(null).text()).toBe('')
  })
})

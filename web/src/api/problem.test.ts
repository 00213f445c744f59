import { describe, expect, it } from 'vitest'
import { messageKey, toApiError } from './problem'

const problem = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } })

describe('problem+json', () => {
  it('keeps the field errors for the fields', async () => {
    const error = await toApiError(problem(422, {
      status: 422, detail: 'invalid', errors: [{ field: 'body.email', message: 'not an email' }] }))
    expect(error.fieldMessage('email')).toBe('not an email')
    expect(error.fieldMessage('phone')).toBeUndefined()
  })

  it('has a message of its own for each status a user meets', async () => {
    for (const status of [403, 404, 409, 412, 429, 503]) {
      expect(messageKey(await toApiError(problem(status, { detail: 'x' })))).toBe(`errors.${status}`)
    }
    expect(messageKey(await toApiError(new Response('oops', { status: 500 })))).toBe('errors.generic')
  })
})

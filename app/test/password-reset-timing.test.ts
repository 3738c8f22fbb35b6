import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as Mailer from '~/services/email/mailer.server'
import { action as forgotPasswordAction } from '~/routes/_auth.forgot-password'
import { formRequest, run } from './requests'
import { createTestUser } from './users'

// An SMTP server that takes its time: the email for a registered address must not hold the answer
// up, or the answer's timing would tell a registered address from an unknown one.
const delivery = vi.hoisted(() => ({ release: () => {}, started: 0 }))
vi.mock('~/services/email/mailer.server', async (original) => ({
  ...(await original<typeof Mailer>()),
  sendEmail: () => {
    delivery.started++
    return new Promise<void>((resolve) => (delivery.release = resolve))
  },
}))

afterEach(() => delivery.release())

async function answerWithin(ms: number, email: string): Promise<Response | 'still waiting'> {
  const answer = run(forgotPasswordAction, formRequest('/forgot-password', { email }))
  const late = new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms))
  return Promise.race([answer, late])
}

describe('asking for a reset code', () => {
  it('answers a registered address as soon as an unknown one, while its email is still being sent', async () => {
    const user = await createTestUser('client')
    const known = await answerWithin(2_000, user.email)
    const unknown = await answerWithin(2_000, 'nobody-here@example.com')
    expect(known).not.toBe('still waiting')
    expect(unknown).not.toBe('still waiting')
    expect((known as Response).status).toBe((unknown as Response).status)
    await vi.waitFor(() => expect(delivery.started).toBe(1))
  })
})

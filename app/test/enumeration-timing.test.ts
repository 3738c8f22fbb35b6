import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as Mailer from '~/services/email/mailer.server'
import { action as forgotPasswordAction } from '~/routes/_auth.forgot-password'
import { action as inviteAction } from '~/routes/_portal.projects_.$projectId.invite'
import { action as signInAction } from '~/routes/_auth.sign-in'
import { listNotifications } from '~/models/notifications.server'
import { postProject } from '~/services/marketplace/projects.server'
import { formRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'
import { listSecurityEvents } from '~/models/security-events.server'

// An SMTP server that takes its time: an email only a registered address gets must not hold the
// answer up, or the answer's timing would tell a registered address from an unknown one.
const delivery = vi.hoisted(() => ({ release: () => {}, started: 0 }))
vi.mock('~/services/email/mailer.server', async (original) => ({
  ...(await original<typeof Mailer>()),
  sendEmail: () => {
    delivery.started++
    return new Promise<void>((resolve) => (delivery.release = resolve))
  },
}))

afterEach(() => {
  delivery.release()
  delivery.started = 0
})

async function answerWithin(ms: number, answer: Promise<Response>): Promise<Response | 'still waiting'> {
  const late = new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms))
  return Promise.race([answer, late])
}

describe('asking for a reset code', () => {
  it('answers a registered address as soon as an unknown one, while its email is still being sent', async () => {
    const user = await createTestUser('client')
    const ask = (email: string) => run(forgotPasswordAction, formRequest('/forgot-password', { email }))
    const known = await answerWithin(2_000, ask(user.email))
    const unknown = await answerWithin(2_000, ask('nobody-here@example.com'))
    expect(known).not.toBe('still waiting')
    expect(unknown).not.toBe('still waiting')
    expect((known as Response).status).toBe((unknown as Response).status)
    await vi.waitFor(() => expect(delivery.started).toBe(1))
  })
})

describe('inviting a freelancer by email', () => {
  it("answers a freelancer's address as soon as nobody's, while the invitation email is still being sent", async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    const projectId = await postProject(client, {
      title: 'Inventory dashboard',
      description: 'A dashboard for our warehouse stock levels with alerts.',
      skills: ['React'],
      budgetType: 'fixed',
      budgetMinMinor: 80000,
      budgetMaxMinor: 80000,
      currency: 'EUR',
      deadline: null,
      experienceLevel: 'intermediate',
      visibility: 'public',
    })
    const cookie = await signedInCookie(client.id)
    const invite = (email: string) =>
      run(inviteAction, formRequest(`/projects/${projectId}/invite`, { email, message: 'Hello' }, cookie), {
        projectId,
      })
    const known = await answerWithin(2_000, invite(freelancer.email))
    const unknown = await answerWithin(2_000, invite('nobody-here@example.com'))
    expect(known).not.toBe('still waiting')
    expect(unknown).not.toBe('still waiting')
    expect((known as Response).status).toBe((unknown as Response).status)
    expect((known as Response).headers.get('location')).toBe((unknown as Response).headers.get('location'))
    // The freelancer was told in the app before the answer went out; the email follows.
    expect(await listNotifications(freelancer.id, { limit: 5, offset: 0 })).toHaveLength(1)
    await vi.waitFor(() => expect(delivery.started).toBe(1))
  })
})

describe('the wrong password that starts the back-off', () => {
  it("answers for a registered address as soon as for an unknown one, while the owner's alert is still being sent", async () => {
    const user = await createTestUser('client')
    const wrong = (email: string) =>
      run(signInAction, formRequest('/sign-in', { email, password: 'not the password at all' }))
    // Four wrong passwords are free; the fifth starts the lock and tells a registered owner by email.
    for (const email of [user.email, 'nobody-here@example.com']) {
      for (let i = 0; i < 4; i++) expect((await wrong(email)).status).toBe(400)
    }
    const known = await answerWithin(2_000, wrong(user.email))
    const unknown = await answerWithin(2_000, wrong('nobody-here@example.com'))
    expect(known).not.toBe('still waiting')
    expect(unknown).not.toBe('still waiting')
    expect((known as Response).status).toBe((unknown as Response).status)
    // The owner is still told, and the event is in their log.
    await vi.waitFor(() => expect(delivery.started).toBe(1))
    const events = (await listSecurityEvents({ userId: user.id, page: 1, pageSize: 20 })).rows.map((row) => row.event)
    expect(events.map((event) => event.kind)).toContain('throttled')
  })
})

import { describe, expect, it } from 'vitest'
import { listOutbox } from '~/models/outbox.server'
import { action as forgotPasswordAction } from '~/routes/_auth.forgot-password'
import { action as signUpAction } from '~/routes/_auth.sign-up'
import { requestPasswordReset } from '~/services/accounts/password-reset.server'
import { formRequest, run } from './requests'
import { createTestUser } from './users'

async function emailsTo(address: string): Promise<number> {
  return (await listOutbox({ to: address, page: 1, pageSize: 1 })).total
}

/** What a browser would notice about an answer: status, where it leads, the toast it carries. */
async function seen(response: Response) {
  return {
    status: response.status,
    location: response.headers.get('location'),
    cookies: response.headers.getSetCookie().length,
  }
}

describe('password reset emails', () => {
  it('sends no 4th email in an hour to one address, and answers the 4th request exactly like the first', async () => {
    const user = await createTestUser('client')
    const answers = []
    for (let i = 0; i < 4; i++)
      answers.push(await seen(await run(forgotPasswordAction, formRequest('/forgot-password', { email: user.email }))))
    // The page answers without waiting for the email (see password-reset-timing.test.ts).
    await expect.poll(() => emailsTo(user.email)).toBe(3)
    expect(answers[3]).toEqual(answers[0])
    expect(answers[0]).toMatchObject({
      status: 302,
      location: `/reset-password?email=${encodeURIComponent(user.email)}`,
    })
  })

  it('counts an address however it is capitalised', async () => {
    const user = await createTestUser('client')
    for (const email of [user.email, user.email.toUpperCase(), user.email, user.email.toUpperCase()])
      await requestPasswordReset(email, '198.51.100.1')
    expect(await emailsTo(user.email)).toBe(3)
  })

  it('sends again once an hour has passed since the last', async () => {
    const user = await createTestUser('client')
    const start = Date.now() - 3 * 60 * 60_000
    for (const minutes of [0, 10, 20, 30])
      await requestPasswordReset(user.email, '198.51.100.2', new Date(start + minutes * 60_000))
    expect(await emailsTo(user.email)).toBe(3)
    await requestPasswordReset(user.email, '198.51.100.2', new Date(start + 80 * 60_000))
    expect(await emailsTo(user.email)).toBe(4)
  })

  it('limits one IP to 10 reset requests an hour, known addresses or not', async () => {
    const users = await Promise.all(Array.from({ length: 3 }, () => createTestUser('client')))
    for (let i = 0; i < 8; i++) await requestPasswordReset(`nobody-${i}@example.com`, '198.51.100.3')
    for (const user of users) await requestPasswordReset(user.email, '198.51.100.3')
    expect(await Promise.all(users.map((user) => emailsTo(user.email)))).toEqual([1, 1, 0])
    // Another address is not held back by that IP.
    await requestPasswordReset(users[2]!.email, '198.51.100.4')
    expect(await emailsTo(users[2]!.email)).toBe(1)
  })

  it('counts an IPv6 network (/64) as one IP: moving to the next address of it does not reset the limit', async () => {
    const users = await Promise.all(Array.from({ length: 2 }, () => createTestUser('client')))
    for (let i = 0; i < 9; i++) await requestPasswordReset(`nobody-v6-${i}@example.com`, `2001:db8:5:6::${i + 1}`)
    await requestPasswordReset(users[0]!.email, '2001:db8:5:6:ffff::1')
    await requestPasswordReset(users[1]!.email, '2001:db8:5:6:abcd:1:2:3')
    expect(await Promise.all(users.map((user) => emailsTo(user.email)))).toEqual([1, 0])
    // The next network along is another household.
    await requestPasswordReset(users[1]!.email, '2001:db8:5:7::1')
    expect(await emailsTo(users[1]!.email)).toBe(1)
  })
})

describe('sign-up emails', () => {
  it('sends no 4th email in an hour to one address, new or registered, and answers the same', async () => {
    const existing = await createTestUser('freelancer')
    for (const email of ['quota-new@example.com', existing.email]) {
      const answers = []
      for (let i = 0; i < 4; i++) {
        const fields = { name: 'Casey Quota', email, password: 'violet-harbour-lantern-42', role: 'client' }
        answers.push(await seen(await run(signUpAction, formRequest('/sign-up', fields))))
      }
      expect(await emailsTo(email)).toBe(3)
      expect(answers[3]).toEqual(answers[0])
      expect(answers[0]).toMatchObject({ status: 302, location: '/sign-up/verify', cookies: 1 })
    }
  })
})

import { describe, expect, it } from 'vitest'
import { turnEmailFactorOn } from '~/models/email-factors.server'
import { listOutbox } from '~/models/outbox.server'
import { action as forgotPasswordAction } from '~/routes/_auth.forgot-password'
import { action as resetPasswordAction } from '~/routes/_auth.reset-password'
import { action as signInAction } from '~/routes/_auth.sign-in'
import { action as verifyAction } from '~/routes/_auth.sign-in_.verify'
import { action as passwordAction } from '~/routes/_portal.settings.password'
import { verifyCredentials } from '~/services/accounts/accounts.server'
import { cookiesFrom, formRequest, run } from './requests'
import { createTestUser, signedInCookie, TEST_PASSWORD } from './users'

/*
 * A new password is the owner taking the account back. What someone else started with the old one
 * (or with a look into the mailbox) must not outlive it: a reset code already sent, or a sign-in
 * that got past the password and waits for its second factor.
 */

const NEW_PASSWORD = 'violet-harbour-88'

async function latestMailText(to: string, subjectStart: string): Promise<string> {
  const rows = (await listOutbox({ to, page: 1, pageSize: 10 })).rows
  const text = rows.find((row) => row.subject.startsWith(subjectStart))?.text
  if (!text) throw new Error(`No "${subjectStart}" email to ${to}`)
  return text
}

async function changePasswordOnSettings(userId: string): Promise<void> {
  const cookie = await signedInCookie(userId, { secondFactorAt: new Date() })
  const changed = await run(
    passwordAction,
    formRequest(
      '/settings/password',
      { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      cookie,
    ),
  )
  expect(changed.status).toBe(302)
}

describe('a password changed in Settings', () => {
  it('voids a reset code sent before it: the code no longer sets a password', async () => {
    const user = await createTestUser('client')
    await run(forgotPasswordAction, formRequest('/forgot-password', { email: user.email }))
    const code = (await latestMailText(user.email, 'Your MegiLance password reset code')).match(
      /reset code is: (\d{8})/,
    )?.[1]
    expect(code).toBeDefined()

    await changePasswordOnSettings(user.id)

    const reset = await run(
      resetPasswordAction,
      formRequest('/reset-password', { email: user.email, code: code!, password: 'an intruder’s passphrase 41' }),
    )
    expect(reset.status).toBe(400)
    expect(JSON.stringify(await reset.json())).toContain('This code is not valid')
    // The owner's new password still signs in; the intruder's does not.
    await expect(verifyCredentials(user.email, NEW_PASSWORD)).resolves.toMatchObject({ id: user.id })
    await expect(verifyCredentials(user.email, 'an intruder’s passphrase 41')).rejects.toThrow()
  })

  it('ends a sign-in that passed the old password and waits for its second factor', async () => {
    const user = await createTestUser('freelancer')
    await turnEmailFactorOn(user.id, new Date())
    const step = await run(signInAction, formRequest('/sign-in', { email: user.email, password: TEST_PASSWORD }))
    expect(step.headers.get('location')).toBe('/sign-in/verify?method=email&sent=email')
    const pending = cookiesFrom(step)
    const code = (await latestMailText(user.email, 'Your MegiLance security code')).match(/code is: (\d{6})/)?.[1]
    expect(code).toBeDefined()

    await changePasswordOnSettings(user.id)

    const finished = await run(
      verifyAction,
      formRequest('/sign-in/verify', { method: 'email', intent: 'verify', code: code! }, pending),
    )
    expect(finished.headers.get('location')).toBe('/sign-in')
    expect(finished.headers.getSetCookie().join()).not.toMatch(/__session=[^;]/)
  })
})

describe('a password set with a reset code', () => {
  it('ends a sign-in that passed the old password and waits for its second factor', async () => {
    const user = await createTestUser('client')
    await turnEmailFactorOn(user.id, new Date())
    const step = await run(signInAction, formRequest('/sign-in', { email: user.email, password: TEST_PASSWORD }))
    const pending = cookiesFrom(step)
    const signInCode = (await latestMailText(user.email, 'Your MegiLance security code')).match(/code is: (\d{6})/)?.[1]

    await run(forgotPasswordAction, formRequest('/forgot-password', { email: user.email }))
    const resetCode = (await latestMailText(user.email, 'Your MegiLance password reset code')).match(
      /reset code is: (\d{8})/,
    )?.[1]
    const reset = await run(
      resetPasswordAction,
      formRequest('/reset-password', { email: user.email, code: resetCode!, password: NEW_PASSWORD }),
    )
    expect(reset.status).toBe(302)

    const finished = await run(
      verifyAction,
      formRequest('/sign-in/verify', { method: 'email', intent: 'verify', code: signInCode! }, pending),
    )
    expect(finished.headers.get('location')).toBe('/sign-in')
    expect(finished.headers.getSetCookie().join()).not.toMatch(/__session=[^;]/)
  })
})

import { describe, expect, it } from 'vitest'
import { listOutbox } from '~/models/outbox.server'
import { createTestUser, TEST_PASSWORD } from '~/test/users'
import { verifyCredentials } from './accounts.server'
import { completePasswordReset, requestPasswordReset, RESET_MAX_ATTEMPTS } from './password-reset.server'

async function latestCode(email: string): Promise<string> {
  const { rows } = await listOutbox({ to: email, page: 1, pageSize: 1 })
  const match = /reset code is: (\d{8})/.exec(rows[0]?.text ?? '')
  if (!match?.[1]) throw new Error('no reset email')
  return match[1]
}

describe('password reset', () => {
  it('emails a code that works once', async () => {
    const user = await createTestUser('client')
    await requestPasswordReset(user.email)
    const code = await latestCode(user.email)
    expect(await completePasswordReset({ email: user.email, code, password: 'plum-satellite-913' })).toEqual({
      ok: true,
    })
    await expect(verifyCredentials(user.email, 'plum-satellite-913')).resolves.toMatchObject({ id: user.id })
    await expect(verifyCredentials(user.email, TEST_PASSWORD)).rejects.toThrow()
    const again = await completePasswordReset({ email: user.email, code, password: 'another-plum-914' })
    expect(again.ok).toBe(false)
  })

  it('sends nothing for an unknown email, and says so to nobody', async () => {
    await expect(requestPasswordReset('ghost@example.com')).resolves.toBeUndefined()
    expect((await listOutbox({ to: 'ghost@example.com', page: 1, pageSize: 1 })).total).toBe(0)
  })

  it('voids the code after too many wrong guesses', async () => {
    const user = await createTestUser('client')
    await requestPasswordReset(user.email)
    const code = await latestCode(user.email)
    const wrong = code === '00000000' ? '11111111' : '00000000'
    for (let i = 0; i < RESET_MAX_ATTEMPTS; i++) {
      expect((await completePasswordReset({ email: user.email, code: wrong, password: 'plum-satellite-913' })).ok).toBe(
        false,
      )
    }
    expect((await completePasswordReset({ email: user.email, code, password: 'plum-satellite-913' })).ok).toBe(false)
  })

  it('expires codes after 15 minutes and voids older codes when a new one is sent', async () => {
    const user = await createTestUser('client')
    const past = new Date(Date.now() - 16 * 60 * 1000)
    await requestPasswordReset(user.email, null, past)
    const stale = await latestCode(user.email)
    expect((await completePasswordReset({ email: user.email, code: stale, password: 'plum-satellite-913' })).ok).toBe(
      false,
    )
    await requestPasswordReset(user.email)
    await requestPasswordReset(user.email)
    const codes = (await listOutbox({ to: user.email, page: 1, pageSize: 2 })).rows.map(
      (r) => /(\d{8})/.exec(r.text ?? '')?.[1],
    )
    const [newest, older] = codes
    if (older !== newest) {
      expect(
        (await completePasswordReset({ email: user.email, code: older!, password: 'plum-satellite-913' })).ok,
      ).toBe(false)
    }
    expect((await completePasswordReset({ email: user.email, code: newest!, password: 'plum-satellite-913' })).ok).toBe(
      true,
    )
  })

  it('refuses a common new password without using up the code', async () => {
    const user = await createTestUser('client')
    await requestPasswordReset(user.email)
    const code = await latestCode(user.email)
    const common = await completePasswordReset({ email: user.email, code, password: 'password1' })
    expect(common).toMatchObject({ ok: false, field: 'password' })
    expect((await completePasswordReset({ email: user.email, code, password: 'plum-satellite-913' })).ok).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { listOutbox } from '~/models/outbox.server'
import { replaceUnverifiedPhone } from '~/models/sms-factors.server'
import { loader as messageLoader } from '~/routes/_portal.admin.outbox.$messageId'
import { outboxTransport, sendEmail } from '~/services/email/mailer.server'
import { MASKED_CODE, withCodesMasked } from '~/services/email/outbox-codes'
import {
  emailChangeCodeEmail,
  oneTimeCodeEmail,
  passwordResetEmail,
  signUpCodeEmail,
  welcomeEmail,
} from '~/services/email/templates'
import { sendSms } from '~/services/security/sms.server'
import { getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

async function newestTo(to: string) {
  const { rows } = await listOutbox({ to, page: 1, pageSize: 1 })
  return rows[0]!
}

async function readAs(cookie: string, messageId: string) {
  const response = await run(messageLoader, getRequest(`/admin/outbox/${messageId}`, cookie), { messageId })
  expect(response.status).toBe(200)
  return (await response.json()) as { message: { text: string | null }; codeMasked: boolean }
}

describe('one-time codes in the offline outbox', () => {
  it('shows an admin the codes sent to them, and masks them in everyone else’s mail', async () => {
    const [ada, bob] = [await createTestUser('admin'), await createTestUser('admin')]
    const [adaCookie, bobCookie] = [await signedInCookie(ada.id), await signedInCookie(bob.id)]
    await sendEmail(oneTimeCodeEmail(ada.email, ada.name, '493817', 10), outboxTransport)
    const signInCode = await newestTo(ada.email)

    const own = await readAs(adaCookie, signInCode.id)
    expect(own.codeMasked).toBe(false)
    expect(own.message.text).toContain('Your security code is: 493817')

    const other = await readAs(bobCookie, signInCode.id)
    expect(other.codeMasked).toBe(true)
    expect(other.message.text).not.toContain('493817')
    expect(other.message.text).toContain(`Your security code is: ${MASKED_CODE}`)
    expect(other.message.text).toContain('MegiLance will never ask you for it by phone or chat')

    // A member's reset code too; mail without a code stays whole.
    const member = await createTestUser('client', { name: 'Kim 123456 Lee' })
    await sendEmail(passwordResetEmail(member.email, member.name, '12345678', 15), outboxTransport)
    expect((await readAs(bobCookie, (await newestTo(member.email)).id)).message.text).not.toContain('12345678')
    await sendEmail(welcomeEmail(member.email, member.name, 'client'), outboxTransport)
    const welcome = await readAs(bobCookie, (await newestTo(member.email)).id)
    expect(welcome).toMatchObject({ codeMasked: false })
    expect(welcome.message.text).toContain('Hello Kim 123456 Lee,')
  })

  it('masks a text message’s code except for the admin whose phone it went to', async () => {
    const [ada, bob] = [await createTestUser('admin'), await createTestUser('admin')]
    await replaceUnverifiedPhone(ada.id, '+447911123456', new Date())
    await sendSms({ to: '+447911123456', text: 'Your MegiLance sign-in code is 204518. It expires in 10 minutes.' })
    const text = await newestTo('+447911123456')
    expect((await readAs(await signedInCookie(ada.id), text.id)).message.text).toContain('204518')
    expect((await readAs(await signedInCookie(bob.id), text.id)).message.text).not.toContain('204518')
  })

  it('masks the code of every message that carries one', () => {
    const messages = [
      oneTimeCodeEmail('a@example.com', 'A', '012345', 10),
      signUpCodeEmail('a@example.com', 'A', '987654', 30),
      passwordResetEmail('a@example.com', 'A', '00123456', 15),
      emailChangeCodeEmail('a@example.com', 'A', '555001', 10),
    ]
    for (const message of messages) {
      expect(message.secret).toBeDefined()
      expect(withCodesMasked(message.text)).not.toContain(message.secret!.value)
    }
  })
})

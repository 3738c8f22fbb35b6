import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eraseExpiredOutboxBodies, findOutboxMessage, listOutbox } from '~/models/outbox.server'
import { createSmtpTransport, outboxTransport, sendEmail } from './mailer.server'
import { oneTimeCodeEmail, passwordResetEmail } from './templates'

type Received = { from: string; to: string[]; raw: string }
const received: Received[] = []
let server: SMTPServer
let port: number

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')))
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

describe('email', () => {
  it('delivers through a real SMTP server and records the delivery', async () => {
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`)
    await sendEmail(
      { kind: 'notification', to: 'dana@example.com', subject: 'Hello over SMTP', text: 'The body travels intact.' },
      transport,
    )
    expect(received).toHaveLength(1)
    expect(received[0]?.to).toEqual(['dana@example.com'])
    expect(received[0]?.from).toBe('no-reply@megilance.local')
    expect(received[0]?.raw).toContain('Subject: Hello over SMTP')
    expect(received[0]?.raw).toContain('The body travels intact.')
    const { rows } = await listOutbox({ to: 'dana@example.com', page: 1, pageSize: 1 })
    expect(rows[0]).toMatchObject({ transport: 'smtp', status: 'sent', error: null, kind: 'notification' })
  })

  it('through SMTP keeps only metadata: no body, and no code in the subject', async () => {
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`)
    await sendEmail(oneTimeCodeEmail('gale@example.com', 'Gale', '482913', 10), transport)
    await sendEmail(passwordResetEmail('gale@example.com', 'Gale', '73015582', 15), transport)
    // The person still receives the codes…
    const sent = received.filter((mail) => mail.to.includes('gale@example.com')).map((mail) => mail.raw)
    expect(sent.join('\n')).toContain('482913')
    expect(sent.join('\n')).toContain('73015582')
    // …but the record holds neither.
    const { rows } = await listOutbox({ to: 'gale@example.com', page: 1, pageSize: 5 })
    expect(rows).toHaveLength(2)
    for (const row of rows) {
      expect(row).toMatchObject({ transport: 'smtp', status: 'sent', text: null, expiresAt: null })
      expect(JSON.stringify(row)).not.toMatch(/482913|73015582/)
    }
    expect(rows.map((row) => row.kind).sort()).toEqual(['password_reset', 'security_code'])
    expect(rows.find((row) => row.kind === 'security_code')?.subject).toBe('Your MegiLance security code: ••••••')
  })

  it('records a failed delivery instead of throwing at the user', async () => {
    const closed = createSmtpTransport('smtp://127.0.0.1:1')
    await expect(
      sendEmail({ kind: 'notification', to: 'eve@example.com', subject: 'Lost', text: 'x' }, closed),
    ).resolves.toBeUndefined()
    const { rows } = await listOutbox({ to: 'eve@example.com', page: 1, pageSize: 1 })
    expect(rows[0]).toMatchObject({ transport: 'smtp', status: 'failed', text: null })
    expect(rows[0]?.error).toBeTruthy()
  })

  it('keeps mail in the outbox when no SMTP server is configured', async () => {
    await sendEmail(
      { kind: 'notification', to: 'finn@example.com', subject: 'Kept', text: 'Read me at /admin/outbox' },
      outboxTransport,
    )
    const { rows } = await listOutbox({ to: 'finn@example.com', page: 1, pageSize: 1 })
    expect(rows[0]).toMatchObject({
      transport: 'outbox',
      status: 'stored',
      subject: 'Kept',
      text: 'Read me at /admin/outbox',
      expiresAt: null,
    })
  })

  it('in the offline outbox a code is readable until it expires, then its body is gone', async () => {
    const sentAt = new Date()
    await sendEmail(oneTimeCodeEmail('hana@example.com', 'Hana', '305117', 10), outboxTransport, sentAt)
    const [row] = (await listOutbox({ to: 'hana@example.com', page: 1, pageSize: 1 })).rows
    expect(row?.text).toContain('305117')
    expect(row?.subject).toBe('Your MegiLance security code: ••••••')
    const expiry = row!.expiresAt!
    expect(expiry.getTime() - sentAt.getTime()).toBeGreaterThanOrEqual(10 * 60_000 - 1_000)

    // Past the expiry, reading no longer shows it, even before the job has erased it…
    const later = new Date(expiry.getTime() + 1)
    expect((await findOutboxMessage(row!.id, later))?.text).toBeNull()
    expect((await listOutbox({ to: 'hana@example.com', page: 1, pageSize: 1 }, later)).rows[0]?.text).toBeNull()
    // …and the job erases it from the database.
    expect(await eraseExpiredOutboxBodies(new Date(expiry.getTime() - 1))).toBe(0)
    expect(await eraseExpiredOutboxBodies(later)).toBeGreaterThanOrEqual(1)
    const erased = await findOutboxMessage(row!.id, sentAt)
    expect(erased).toMatchObject({
      text: null,
      subject: 'Your MegiLance security code: ••••••',
      kind: 'security_code',
      status: 'stored',
    })
  })
  it('sends the List-Unsubscribe headers a notification carries through SMTP', async () => {
    const url = 'http://localhost:3000/email/unsubscribe?user=u1&kind=message_received&sig=x'
    await sendEmail(
      {
        kind: 'notification',
        to: 'kim@example.com',
        subject: 'New message',
        text: 'Hello',
        headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      },
      createSmtpTransport(`smtp://127.0.0.1:${port}`),
    )
    const raw = received.find((mail) => mail.to.includes('kim@example.com'))?.raw ?? ''
    expect(raw.replace(/\r\n[ \t]+/g, ' ')).toContain(`List-Unsubscribe: <${url}>`)
    expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
  })

  it('sends attachments through SMTP and keeps them only in the offline outbox', async () => {
    const invite = {
      filename: 'invite.ics',
      contentType: 'text/calendar; charset=utf-8; method=REQUEST',
      content: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR',
    }
    const message = { kind: 'notification' as const, subject: 'Meeting invitation', text: 'See the file.' }
    await sendEmail(
      { ...message, to: 'ivy@example.com', attachments: [invite] },
      createSmtpTransport(`smtp://127.0.0.1:${port}`),
    )
    const raw = received.find((mail) => mail.to.includes('ivy@example.com'))?.raw ?? ''
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i)
    expect(raw).toMatch(/filename=invite\.ics/)
    expect((await listOutbox({ to: 'ivy@example.com', page: 1, pageSize: 1 })).rows[0]?.attachments).toBeNull()

    await sendEmail({ ...message, to: 'jay@example.com', attachments: [invite] }, outboxTransport)
    expect((await listOutbox({ to: 'jay@example.com', page: 1, pageSize: 1 })).rows[0]?.attachments).toEqual([invite])
  })
})

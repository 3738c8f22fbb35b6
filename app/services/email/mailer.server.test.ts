import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listOutbox } from '~/models/outbox.server'
import { createSmtpTransport, outboxTransport, sendEmail } from './mailer.server'

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
    await sendEmail({ to: 'dana@example.com', subject: 'Hello over SMTP', text: 'The body travels intact.' }, transport)
    expect(received).toHaveLength(1)
    expect(received[0]?.to).toEqual(['dana@example.com'])
    expect(received[0]?.from).toBe('no-reply@megilance.local')
    expect(received[0]?.raw).toContain('Subject: Hello over SMTP')
    expect(received[0]?.raw).toContain('The body travels intact.')
    const { rows } = await listOutbox({ to: 'dana@example.com', page: 1, pageSize: 1 })
    expect(rows[0]).toMatchObject({ transport: 'smtp', status: 'sent', error: null })
  })

  it('records a failed delivery instead of throwing at the user', async () => {
    const closed = createSmtpTransport('smtp://127.0.0.1:1')
    await expect(sendEmail({ to: 'eve@example.com', subject: 'Lost', text: 'x' }, closed)).resolves.toBeUndefined()
    const { rows } = await listOutbox({ to: 'eve@example.com', page: 1, pageSize: 1 })
    expect(rows[0]).toMatchObject({ transport: 'smtp', status: 'failed' })
    expect(rows[0]?.error).toBeTruthy()
  })

  it('keeps mail in the outbox when no SMTP server is configured', async () => {
    await sendEmail({ to: 'finn@example.com', subject: 'Kept', text: 'Read me at /admin/outbox' }, outboxTransport)
    const { rows } = await listOutbox({ to: 'finn@example.com', page: 1, pageSize: 1 })
    expect(rows[0]).toMatchObject({ transport: 'outbox', status: 'stored', subject: 'Kept' })
  })
})

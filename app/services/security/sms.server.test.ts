import { desc, eq } from 'drizzle-orm'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { eraseExpiredOutboxBodies } from '~/models/outbox.server'
import { outbox } from '~/models/schema'
import { parseEnv } from '~/utils/env.server'
import { createTwilioTransport, outboxSmsTransport, sendSms } from './sms.server'
import { server } from '~/test/msw-server'

const SID = `AC${'0123456789abcdef'.repeat(2)}`
const TOKEN = 'twilio-auth-token-for-tests'
const MESSAGES_URL = `https://api.twilio.com/2010-04-01/Accounts/${SID}/Messages.json`
const twilio = createTwilioTransport({ accountSid: SID, authToken: TOKEN, from: '+15005550006' })

describe('SMS through Twilio', () => {
  it('posts the message form-encoded with basic auth to the account’s Messages resource', async () => {
    const seen: { authorization: string | null; contentType: string | null; form: Record<string, string> }[] = []
    server.use(
      http.post(MESSAGES_URL, async ({ request }) => {
        seen.push({
          authorization: request.headers.get('authorization'),
          contentType: request.headers.get('content-type'),
          form: Object.fromEntries(new URLSearchParams(await request.text())),
        })
        return HttpResponse.json({ sid: 'SM123', status: 'queued' }, { status: 201 })
      }),
    )
    expect(await sendSms({ to: '+447911123456', text: 'Your code is 123456' }, twilio)).toEqual({ ok: true })
    expect(seen).toEqual([
      {
        authorization: `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`,
        contentType: 'application/x-www-form-urlencoded',
        form: { To: '+447911123456', From: '+15005550006', Body: 'Your code is 123456' },
      },
    ])
  })

  it('returns Twilio’s reason when it refuses, without throwing', async () => {
    server.use(
      http.post(MESSAGES_URL, () =>
        HttpResponse.json(
          { code: 21211, message: "The 'To' number +15005550001 is not a valid phone number.", status: 400 },
          { status: 400 },
        ),
      ),
    )
    const outcome = await sendSms({ to: '+15005550001', text: 'Your code is 123456' }, twilio)
    expect(outcome).toEqual({
      ok: false,
      error:
        "Twilio refused the message (HTTP 400, error 21211): The 'To' number +15005550001 is not a valid phone number.",
    })
  })

  it('records only metadata of a text sent through Twilio, never the code', async () => {
    server.use(http.post(MESSAGES_URL, () => HttpResponse.json({ sid: 'SM124', status: 'queued' }, { status: 201 })))
    expect(await sendSms({ to: '+447911000111', text: 'Your MegiLance sign-in code is 918273.' }, twilio)).toEqual({
      ok: true,
    })
    const row = getDb().select().from(outbox).where(eq(outbox.to, '+447911000111')).get()
    expect(row).toMatchObject({
      subject: 'SMS',
      kind: 'sms_code',
      text: null,
      expiresAt: null,
      transport: 'twilio',
      status: 'sent',
    })
    expect(JSON.stringify(row)).not.toContain('918273')
  })

  it('survives a server error with no JSON body', async () => {
    server.use(
      http.post(
        MESSAGES_URL,
        () => new HttpResponse('upstream down', { status: 503, statusText: 'Service Unavailable' }),
      ),
    )
    const outcome = await sendSms({ to: '+447911123456', text: 'hi' }, twilio)
    expect(outcome).toEqual({ ok: false, error: 'Twilio refused the message (HTTP 503): Service Unavailable' })
  })
})

describe('SMS without Twilio', () => {
  it('keeps every text in the outbox, addressed to the number', async () => {
    expect(await sendSms({ to: '+447911123456', text: 'Your code is 654321' }, outboxSmsTransport)).toEqual({
      ok: true,
    })
    const row = getDb()
      .select()
      .from(outbox)
      .where(eq(outbox.to, '+447911123456'))
      .orderBy(desc(outbox.createdAt))
      .get()
    expect(row).toMatchObject({ subject: 'SMS', text: 'Your code is 654321', transport: 'outbox', status: 'stored' })
    // Kept for the code's lifetime (ten minutes), then erased.
    expect(row!.expiresAt!.getTime() - row!.createdAt.getTime()).toBe(10 * 60_000)
    expect(await eraseExpiredOutboxBodies(row!.expiresAt!)).toBeGreaterThanOrEqual(1)
    expect(getDb().select().from(outbox).where(eq(outbox.id, row!.id)).get()?.text).toBeNull()
  })

  it('checks the Twilio settings and names the wrong one', () => {
    expect(parseEnv({}).TWILIO_ACCOUNT_SID).toBeUndefined()
    expect(() => parseEnv({ TWILIO_ACCOUNT_SID: 'nope' })).toThrow(/TWILIO_ACCOUNT_SID/)
    expect(() => parseEnv({ TWILIO_FROM_NUMBER: '07911 123456' })).toThrow(/TWILIO_FROM_NUMBER/)
    expect(
      parseEnv({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_FROM_NUMBER: '+15005550006' }),
    ).toMatchObject({
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_FROM_NUMBER: '+15005550006',
    })
  })
})

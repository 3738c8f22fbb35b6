import crypto from 'node:crypto'
import { insertOutboxMessage } from '~/models/outbox.server'
import { getEnv } from '~/utils/env.server'
import { chosenOnce, deliveryError } from '~/services/notifications/transport.server'
import { CODE_MINUTES } from './one-time-codes.server'
import { MINUTE_MS } from '~/domain/durations'

export type SmsMessage = { to: string; text: string }
export type SmsOutcome = { ok: true } | { ok: false; error: string }

/** Delivers one text message; `deliver` throws with the provider's own words when it fails. */
export interface SmsTransport {
  readonly name: 'twilio' | 'outbox'
  deliver(message: SmsMessage): Promise<void>
}

export type TwilioConfig = { accountSid: string; authToken: string; from: string }

/** Twilio's Messages API: one form-encoded POST per message, HTTP basic auth with the account SID. */
export function createTwilioTransport(config: TwilioConfig): SmsTransport {
  const url = `https://api.twilio.com/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`
  return {
    name: 'twilio',
    async deliver(message) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ To: message.to, From: config.from, Body: message.text }),
        signal: AbortSignal.timeout(10_000),
      })
      if (response.ok) return
      const body = (await response.json().catch(() => null)) as { message?: string; code?: number } | null
      const detail = body?.message ?? response.statusText
      throw new Error(
        `Twilio refused the message (HTTP ${response.status}${body?.code ? `, error ${body.code}` : ''}): ${detail}`,
      )
    },
  }
}

/** The embedded offline default: nothing is sent; sendSms keeps the text in the outbox for admins. */
export const outboxSmsTransport: SmsTransport = { name: 'outbox', async deliver() {} }

const transport = chosenOnce((): SmsTransport => {
  const { TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER } = getEnv()
  return TWILIO_ACCOUNT_SID && TWILIO_AUTH_TOKEN && TWILIO_FROM_NUMBER
    ? createTwilioTransport({ accountSid: TWILIO_ACCOUNT_SID, authToken: TWILIO_AUTH_TOKEN, from: TWILIO_FROM_NUMBER })
    : outboxSmsTransport
})
export const isSmsSandboxed = transport.isSandboxed

/**
 * Sends one text and records it. Every text carries a one-time code, so through Twilio only its
 * metadata is kept, and in the offline outbox its body only for the code's lifetime. A failed
 * delivery is logged with the provider's reason and returned, never thrown at the user.
 */
export async function sendSms(
  message: SmsMessage,
  via: SmsTransport = transport.get(),
  now = new Date(),
): Promise<SmsOutcome> {
  const error = await deliveryError(
    () => via.deliver(message),
    { to: message.to, transport: via.name },
    'SMS delivery failed',
  )
  const outcome: SmsOutcome = error === null ? { ok: true } : { ok: false, error }
  const offline = via.name === 'outbox'
  await insertOutboxMessage({
    id: crypto.randomUUID(),
    to: message.to,
    subject: 'SMS',
    kind: 'sms_code',
    text: offline ? message.text : null,
    expiresAt: offline ? new Date(now.getTime() + CODE_MINUTES * MINUTE_MS) : null,
    transport: via.name,
    status: offline ? 'stored' : outcome.ok ? 'sent' : 'failed',
    error: outcome.ok ? null : outcome.error,
    createdAt: now,
  })
  return outcome
}

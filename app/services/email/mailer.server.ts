import nodemailer from 'nodemailer'
import { insertOutboxMessage } from '~/models/outbox.server'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'

export type EmailMessage = { to: string; subject: string; text: string }

/** Delivers one message; the outbox table records every message whichever transport is used. */
export interface EmailTransport {
  readonly name: 'smtp' | 'outbox'
  deliver(message: EmailMessage & { from: string }): Promise<void>
}

export function createSmtpTransport(smtpUrl: string): EmailTransport {
  const transporter = nodemailer.createTransport(smtpUrl)
  return {
    name: 'smtp',
    async deliver(message) {
      await transporter.sendMail(message)
    },
  }
}

/** The embedded default: nothing leaves the machine; admins read the mail at /admin/outbox. */
export const outboxTransport: EmailTransport = { name: 'outbox', async deliver() {} }

let transport: EmailTransport | undefined
function getTransport(): EmailTransport {
  const { SMTP_URL } = getEnv()
  transport ??= SMTP_URL ? createSmtpTransport(SMTP_URL) : outboxTransport
  return transport
}

export function isEmailSandboxed(): boolean {
  return getTransport().name === 'outbox'
}

/** Sends, and records the outcome. A failed delivery is logged and kept, never thrown at the user. */
export async function sendEmail(message: EmailMessage, via: EmailTransport = getTransport()): Promise<void> {
  let status: 'stored' | 'sent' | 'failed' = via.name === 'outbox' ? 'stored' : 'sent'
  let error: string | null = null
  try {
    await via.deliver({ ...message, from: getEnv().MAIL_FROM })
  } catch (cause) {
    status = 'failed'
    error = cause instanceof Error ? cause.message : String(cause)
    logger.error({ err: cause, to: message.to, subject: message.subject }, 'email delivery failed')
  }
  await insertOutboxMessage({
    id: crypto.randomUUID(),
    ...message,
    transport: via.name,
    status,
    error,
    createdAt: new Date(),
  })
}

import nodemailer from 'nodemailer'
import { insertOutboxMessage } from '~/models/outbox.server'
import type { OutboxAttachment, OutboxKind } from '~/models/schema'
import { getEnv } from '~/utils/env.server'
import { chosenOnce, deliveryError } from '~/services/notifications/transport.server'

/** `secret` names the code a message carries and when it expires: it is never kept past then. */
export type EmailMessage = {
  to: string
  subject: string
  text: string
  kind: OutboxKind
  secret?: { value: string; expiresAt: Date }
  /** Text files sent with it, e.g. a calendar invitation (.ics). */
  attachments?: OutboxAttachment[]
  /** Extra headers over SMTP, e.g. List-Unsubscribe (the offline outbox keeps none). */
  headers?: Record<string, string>
}

const MASK = '••••••'

/** The subject as recorded: a code in it is masked, since the outbox keeps subjects for good. */
function recordedSubject(message: Pick<EmailMessage, 'subject' | 'secret'>): string {
  return message.secret ? message.subject.replaceAll(message.secret.value, MASK) : message.subject
}

/**
 * Delivers one message. The outbox table records every message: through SMTP only its metadata,
 * in the offline outbox also its body (until the code it carries expires).
 */
export interface EmailTransport {
  readonly name: 'smtp' | 'outbox'
  deliver(
    message: Pick<EmailMessage, 'to' | 'subject' | 'text' | 'attachments' | 'headers'> & { from: string },
  ): Promise<void>
}

/** The content type is passed as given: a calendar invitation names its METHOD there, as mail clients expect. */
function toNodemailerAttachment(attachment: OutboxAttachment) {
  return {
    filename: attachment.filename,
    content: attachment.content,
    contentType: attachment.contentType,
    encoding: attachment.encoding,
  }
}

export function createSmtpTransport(smtpUrl: string): EmailTransport {
  const transporter = nodemailer.createTransport(smtpUrl)
  return {
    name: 'smtp',
    async deliver({ attachments, ...message }) {
      await transporter.sendMail({ ...message, attachments: attachments?.map(toNodemailerAttachment) })
    },
  }
}

/** The embedded offline default: nothing leaves the machine; admins read the mail at /admin/outbox. */
export const outboxTransport: EmailTransport = { name: 'outbox', async deliver() {} }

const transport = chosenOnce((): EmailTransport => {
  const { SMTP_URL } = getEnv()
  return SMTP_URL ? createSmtpTransport(SMTP_URL) : outboxTransport
})
export const isEmailSandboxed = transport.isSandboxed

/** Sends, and records the outcome. A failed delivery is logged and kept, never thrown at the user. */
export async function sendEmail(
  message: EmailMessage,
  via: EmailTransport = transport.get(),
  now = new Date(),
): Promise<void> {
  const subject = recordedSubject(message)
  const { to, text, attachments, headers } = message
  const error = await deliveryError(
    () => via.deliver({ to, subject: message.subject, text, attachments, headers, from: getEnv().MAIL_FROM }),
    { to, subject },
    'email delivery failed',
  )
  const status = error !== null ? 'failed' : via.name === 'outbox' ? 'stored' : 'sent'
  // The offline outbox is the only way its mail reaches anyone, so it keeps the body; SMTP never.
  const keepsBody = via.name === 'outbox'
  await insertOutboxMessage({
    id: crypto.randomUUID(),
    to: message.to,
    subject,
    kind: message.kind,
    text: keepsBody ? message.text : null,
    attachments: keepsBody && message.attachments?.length ? message.attachments : null,
    expiresAt: keepsBody ? (message.secret?.expiresAt ?? null) : null,
    transport: via.name,
    status,
    error,
    createdAt: now,
  })
}

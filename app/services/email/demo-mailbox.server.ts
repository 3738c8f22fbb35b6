import { findLatestOutboxMessageTo, type OutboxMessage } from '~/models/outbox.server'
import { getEnv } from '~/utils/env.server'
import { isEmailSandboxed } from './mailer.server'

/**
 * On the demo no email leaves the server (DEMO on, no SMTP_URL), and a newcomer has no way to read
 * the offline outbox. Pages that wait for an emailed code show the person the body of the newest
 * message of `kinds` sent to their own address since `since`. Null anywhere else, when nothing was
 * sent, or once the code in it has expired.
 */
export async function readDemoMail(
  to: string,
  kinds: OutboxMessage['kind'][],
  since: Date,
  now = new Date(),
): Promise<string | null> {
  if (!getEnv().DEMO || !isEmailSandboxed()) return null
  return (await findLatestOutboxMessageTo(to, kinds, since, now))?.text ?? null
}

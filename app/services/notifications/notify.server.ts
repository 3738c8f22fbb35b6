import type { NotificationKind } from '~/domain/enums'
import type { OutboxAttachment } from '~/models/schema'
import { insertNotification, listEmailOptOuts } from '~/models/notifications.server'
import { findUserById } from '~/models/users.server'
import { sendEmail } from '~/services/email/mailer.server'
import { notificationEmail } from '~/services/email/templates'
import { siteOrigin } from '~/utils/env.server'
import { notificationKindLabel, wantsEmail } from './preferences'
import { unsubscribeHeaders, unsubscribeUrl } from './unsubscribe.server'

export type NotifyInput = {
  userId: string
  kind: NotificationKind
  title: string
  body?: string
  /** A path inside the app, e.g. "/contracts/abc". */
  link?: string
  /** Files the email carries, e.g. a meeting's calendar invitation. */
  attachments?: OutboxAttachment[]
}

/**
 * Tells a user something: always in the in-app centre, and by email unless they turned that kind
 * off. Call it after the change it reports has been committed, never inside a transaction.
 */
export async function notify(input: NotifyInput): Promise<void> {
  await (
    await notifyInAppFirst(input)
  ).emailSent
}

/**
 * `notify` for an answer that must not show whether anyone was told (an invitation by email):
 * resolves once the in-app notification is stored; `emailSent` settles when the email has been
 * handed over, which over SMTP takes time only a registered address would spend.
 */
export async function notifyInAppFirst(input: NotifyInput): Promise<{ emailSent: Promise<void> }> {
  const none = { emailSent: Promise.resolve() }
  const user = await findUserById(input.userId)
  if (!user) return none
  await insertNotification({
    userId: user.id,
    kind: input.kind,
    title: input.title,
    body: input.body ?? '',
    link: input.link ?? null,
  })
  const optedOut = await listEmailOptOuts(user.id)
  if (!wantsEmail(input.kind, optedOut, Boolean(user.blockedAt))) return none
  const url = input.link ? new URL(input.link, siteOrigin()).toString() : null
  const unsubscribe = unsubscribeUrl(user.id, input.kind)
  const email = notificationEmail(user.email, user.name, input.title, input.body ?? '', url, {
    url: unsubscribe,
    label: notificationKindLabel(input.kind).label,
    settingsUrl: new URL('/settings/notifications', siteOrigin()).toString(),
  })
  const message = { ...email, headers: unsubscribeHeaders(unsubscribe) }
  return { emailSent: sendEmail(input.attachments ? { ...message, attachments: input.attachments } : message) }
}

import crypto from 'node:crypto'
import { insertSecurityEvent } from '~/models/security-events.server'
import { findUserById } from '~/models/users.server'
import { sendEmail } from '~/services/email/mailer.server'
import { securityAlertEmail } from '~/services/email/templates'
import { deviceWords } from '~/services/accounts/devices'
import { siteOrigin } from '~/utils/env.server'
import type { RequestOrigin } from './context'
import { describeLocation } from './geo.server'
import { SECURITY_EVENT_KINDS, shouldEmailOwner, type SecurityEventKind } from './event-kinds'

export type SecurityEventInput = {
  userId: string | null
  kind: SecurityEventKind
  origin: RequestOrigin | null
  detail?: string
  assessmentId?: string | null
  now?: Date
  /** False when the caller writes the owner its own email about it (the address change tells the old address). */
  emailOwner?: boolean
}

/** Writes one entry to the security log and emails the owner when it is serious. */
export async function recordSecurityEvent(input: SecurityEventInput): Promise<void> {
  await (
    await recordSecurityEventFirst(input)
  ).emailSent
}

/**
 * `recordSecurityEvent` for an answer that must not show whether the account exists (a wrong
 * password on the sign-in form): resolves once the entry is stored; `emailSent` settles when the
 * owner's alert has been handed over, which over SMTP takes time only a registered address spends.
 */
export async function recordSecurityEventFirst(input: SecurityEventInput): Promise<{ emailSent: Promise<void> }> {
  const none = { emailSent: Promise.resolve() }
  const { severity, label } = SECURITY_EVENT_KINDS[input.kind]
  const createdAt = input.now ?? new Date()
  await insertSecurityEvent({
    id: crypto.randomUUID(),
    userId: input.userId,
    kind: input.kind,
    severity,
    ip: input.origin?.ip ?? null,
    userAgent: input.origin?.userAgent ?? null,
    detail: input.detail ?? '',
    assessmentId: input.assessmentId ?? null,
    createdAt,
  })
  if (!input.userId || input.emailOwner === false || !shouldEmailOwner(input.kind, severity)) return none
  const user = await findUserById(input.userId)
  if (!user) return none
  return {
    emailSent: sendEmail(
      securityAlertEmail(user.email, user.name, {
        label,
        detail: input.detail ?? '',
        ip: input.origin?.ip ?? null,
        at: createdAt,
        device: deviceWords(input.origin?.userAgent ?? null),
        place: describeLocation(input.origin?.ip ?? null),
        securityUrl: new URL('/settings/security', siteOrigin()).toString(),
      }),
    ),
  }
}

/**
 * An admin's action on someone else's account or content, logged on the admin's account with what
 * was done to whom (`/admin/security-events`, event "Admin action"), so every change has an author.
 */
export async function recordAdminAction(admin: { id: string }, origin: RequestOrigin, detail: string): Promise<void> {
  await recordSecurityEvent({ userId: admin.id, kind: 'admin_action', origin, detail })
}

import crypto from 'node:crypto'
import { NOTIFICATION_KINDS, type NotificationKind } from '~/domain/enums'
import { listEmailOptOuts, setEmailPreference } from '~/models/notifications.server'
import { findUserById } from '~/models/users.server'
import { siteOrigin } from '~/utils/env.server'
import { getSessionSecret } from '~/utils/secrets.server'
import { notificationKindLabel } from './preferences'

/**
 * Each notification email carries a link that turns that kind of email off without signing in
 * (and the List-Unsubscribe headers mail apps show as "Unsubscribe"). The link names the account
 * and the kind, signed with the session secret, so it works for that one account and kind only.
 */
const PATH = '/email/unsubscribe'

function mac(userId: string, kind: NotificationKind): string {
  return crypto.createHmac('sha256', getSessionSecret()).update(`unsubscribe\n${userId}\n${kind}`).digest('base64url')
}

/** The absolute address that turns `kind` emails off for this account. */
export function unsubscribeUrl(userId: string, kind: NotificationKind): string {
  const query = new URLSearchParams({ user: userId, kind, sig: mac(userId, kind) })
  return `${new URL(PATH, siteOrigin()).toString()}?${query.toString()}`
}

/** The headers of RFC 2369 and RFC 8058 (one-click): mail apps offer "Unsubscribe" from them. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
}

export type UnsubscribeLink = { userId: string; kind: NotificationKind; label: string }

/** What a link's query names, when its signature is right and the account exists; else null. */
export async function readUnsubscribeLink(query: URLSearchParams): Promise<UnsubscribeLink | null> {
  const userId = query.get('user') ?? ''
  const kind = query.get('kind') ?? ''
  const sig = query.get('sig') ?? ''
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind) || !/^[\w-]{43}$/.test(sig)) return null
  const expected = Buffer.from(mac(userId, kind as NotificationKind))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null
  if (!(await findUserById(userId))) return null
  return { userId, kind: kind as NotificationKind, label: notificationKindLabel(kind as NotificationKind).label }
}

/** Whether email of the link's kind is still on for its account. */
export async function emailStillOn(link: UnsubscribeLink): Promise<boolean> {
  return !(await listEmailOptOuts(link.userId)).has(link.kind)
}

/** Turns the link's kind of email off (or back on); repeating it changes nothing more. */
export async function setEmailByLink(link: UnsubscribeLink, on: boolean): Promise<void> {
  await setEmailPreference(link.userId, link.kind, on)
}

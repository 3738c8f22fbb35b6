import crypto from 'node:crypto'
import {
  deleteSession,
  deleteSessionOf,
  deleteUserSessions,
  expireUserSessions,
  findSessionOf,
  findSessionWithUser,
  insertSession,
  listActiveSessionsOf,
  touchSession,
} from '~/models/sessions.server'
import type { SessionUser } from '~/models/users.server'
import type { RequestOrigin } from '~/services/security/context'
import { recordSecurityEvent } from '~/services/security/events.server'
import { describeLocation } from '~/services/security/geo.server'
import { signedCookie } from '~/utils/signed-cookie.server'
import { describeDevice } from './devices'
import { announceSessionsEnded } from './session-signals.server'
import {
  ABSOLUTE_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  newSessionTimes,
  SESSION_COOKIE,
  sessionState,
  shouldTouch,
} from './session-policy'
import { hashToken } from '~/utils/hash-token.server'
import { currentClientIp, memoInRequest } from '~/utils/request-context.server'
import { LRUCache } from 'lru-cache'
import { HOUR_MS } from '~/domain/durations'
import { blocklistEntryFor, isOutsideAllowlist } from '~/services/security/ip-rules.server'

const getSessionCookie = signedCookie(SESSION_COOKIE, ABSOLUTE_TIMEOUT_MS / 1000)

/**
 * Starts a fresh session (a new id at every sign-in) and returns its Set-Cookie header.
 * `secondFactorAt` is set when the sign-in itself passed a second factor.
 */
export async function startSession(
  userId: string,
  request: Request,
  clientIp: string | null,
  extra: { deviceId?: string | null; secondFactorAt?: Date | null; startedAtSignUp?: boolean } = {},
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url')
  await insertSession({
    id: hashToken(token),
    userId,
    ip: clientIp,
    userAgent: request.headers.get('user-agent')?.slice(0, 512) ?? null,
    deviceId: extra.deviceId ?? null,
    secondFactorAt: extra.secondFactorAt ?? null,
    startedAtSignUp: extra.startedAtSignUp ?? false,
    ...newSessionTimes(new Date()),
  })
  return getSessionCookie().serialize(token)
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await getSessionCookie().parse(request.headers.get('cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

type FoundSession = NonNullable<Awaited<ReturnType<typeof findSessionWithUser>>>

/**
 * Admins always pass a second factor at sign-in; a session without one (an account promoted to admin
 * while signed in with its password alone) does not carry admin rights: its holder signs in again.
 */
function stillValid(found: FoundSession, now: Date): boolean {
  if (found.user.role === 'admin' && found.session.secondFactorAt === null) return false
  return sessionState(found.session, now) === 'active' && !found.user.blockedAt
}

/**
 * Whether the session still lets its holder in (not signed out, revoked, expired or blocked), for
 * long-lived responses that outlast the request that checked it. Not counted as activity.
 */
export async function isSessionActive(sessionId: string, now = new Date()): Promise<boolean> {
  const found = await findSessionWithUser(sessionId)
  return Boolean(found && stillValid(found, now))
}

export type ActiveSession = {
  sessionId: string
  user: SessionUser
  secondFactorAt: Date | null
  passwordConfirmedAt: Date | null
  /** The session the account's sign-up began (the newcomer's first visit, until they sign out). */
  startedAtSignUp: boolean
  /** The currency the member chose to see approximate amounts in (Settings → Appearance), or null. */
  displayCurrency: string | null
}

/**
 * A signed-in session used from an address its account or the platform does not allow: `blocklist`
 * (an admin blocked the range: this request is refused, the session kept for elsewhere) or
 * `allowlist` (outside the account's own networks: the session has ended). Thrown by readSession;
 * the http layer answers it (a 403 page, or sign-in saying why).
 */
export class SessionRefusedForAddress extends Error {
  constructor(
    readonly reason: 'blocklist' | 'allowlist',
    readonly ip: string | null,
  ) {
    super(`Session refused for address ${ip ?? 'unknown'} (${reason})`)
  }
}

/**
 * A session of a blocked account (ended by the block, or still open when it came): it is removed, and
 * the http layer sends its holder to sign-in with the block's reason and how to contest it.
 */
export class SessionEndedByBlock extends Error {
  constructor(readonly reason: string | null) {
    super('Session ended: the account is blocked')
  }
}

// A refused request is logged once an hour per session and address, not at every request it makes.
const loggedBlocklisted = new LRUCache<string, true>({ max: 5000, ttl: HOUR_MS })

/**
 * The checks of the request's address (when the server handles the request, see currentClientIp):
 * the admin blocklist from memory, and the account's allowlist only when it has one (the session
 * query says so), so most requests read nothing more.
 */
async function refuseByAddress(request: Request, sessionId: string, found: FoundSession, now: Date): Promise<void> {
  const ip = currentClientIp()
  if (ip === undefined) return
  const origin = { ip, userAgent: request.headers.get('user-agent')?.slice(0, 512) ?? null, deviceId: null }
  const blocked = await blocklistEntryFor(ip)
  if (blocked) {
    const key = `${sessionId}\u0000${ip}`
    if (!loggedBlocklisted.has(key)) {
      loggedBlocklisted.set(key, true)
      const detail = `IP ${ip} is in the blocked range ${blocked.cidr}`
      await recordSecurityEvent({ userId: found.user.id, kind: 'session_blocklisted', origin, detail, now })
    }
    throw new SessionRefusedForAddress('blocklist', ip)
  }
  if (found.hasAllowlist && (await isOutsideAllowlist(found.user.id, ip))) {
    await deleteSession(sessionId)
    announceSessionsEnded(found.user.id)
    const detail = `IP ${ip ?? 'unknown'} is outside the allowlist: this session was signed out`
    await recordSecurityEvent({ userId: found.user.id, kind: 'session_outside_allowlist', origin, detail, now })
    throw new SessionRefusedForAddress('allowlist', ip)
  }
}

/**
 * The signed-in user for this request, or null; expired or blocked sessions are removed. Looked up
 * once per page load, however many of its loaders ask (memoInRequest). Throws SessionRefusedForAddress
 * when the request's address is blocked, or outside the account's allowlist (which ends the session),
 * and SessionEndedByBlock when the account is blocked.
 */
export function readSession(request: Request, now = new Date()): Promise<ActiveSession | null> {
  return memoInRequest(`session\u0000${request.headers.get('cookie') ?? ''}`, () => lookUpSession(request, now))
}

/** When this process started: sessions begun since then were given the cookie's `__Host-` name. */
const STARTED_AT = new Date()

async function lookUpSession(request: Request, now: Date): Promise<ActiveSession | null> {
  const token = await readToken(request)
  if (!token) return null
  const sessionId = hashToken(token)
  const found = await findSessionWithUser(sessionId)
  if (!found) return null
  // The old name is read only for sessions begun before the `__Host-` prefix (at most a week ago): a
  // sibling subdomain can set a cookie of the old name, and must not plant a session of its own making.
  const underOldName = getSessionCookie().onlyUnderLegacyName(request.headers.get('cookie'))
  if (underOldName && found.session.createdAt.getTime() >= STARTED_AT.getTime()) return null
  if (!stillValid(found, now)) {
    await deleteSession(sessionId)
    announceSessionsEnded(found.user.id)
    if (found.user.blockedAt) throw new SessionEndedByBlock(found.user.blockedReason)
    return null
  }
  await refuseByAddress(request, sessionId, found, now)
  if (shouldTouch(found.session, now)) await touchSession(sessionId, now)
  const { id, email, name, role } = found.user
  return {
    sessionId,
    user: { id, email, name, role },
    secondFactorAt: found.session.secondFactorAt,
    passwordConfirmedAt: found.session.passwordConfirmedAt,
    startedAtSignUp: found.session.startedAtSignUp,
    displayCurrency: found.user.displayCurrency,
  }
}

/** Ends this browser's session and returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const token = await readToken(request)
  const userId = token ? await deleteSession(hashToken(token)) : undefined
  if (userId) announceSessionsEnded(userId)
  return getSessionCookie().serialize('', { maxAge: 0 })
}

/**
 * The Set-Cookie headers that move a session cookie from its name before the `__Host-` prefix to
 * its new one (the same signed token, so the same session), and clear the old; none when the
 * request carries the new name already or the old one holds no token. Answered by the root loader,
 * so a browser signed in before the deploy is moved on its next page and stays signed in.
 */
export async function renewLegacySessionCookie(request: Request): Promise<string[]> {
  const cookie = getSessionCookie()
  if (!cookie.onlyUnderLegacyName(request.headers.get('cookie'))) return []
  const token = await readToken(request)
  const cleared = await cookie.clearLegacy()
  if (!token || !cleared) return []
  return [await cookie.serialize(token), cleared]
}

export async function endAllSessions(userId: string, exceptSessionId?: string): Promise<void> {
  if ((await deleteUserSessions(userId, exceptSessionId)) > 0) announceSessionsEnded(userId)
}

/**
 * Ends every session of a user just blocked, keeping the rows expired so a browser that comes back
 * with one learns why (readSession throws SessionEndedByBlock once, then the row is gone). Lifting
 * the block does not bring them back.
 */
export async function endAllSessionsOfBlocked(userId: string, now = new Date()): Promise<void> {
  if ((await expireUserSessions(userId, now)) > 0) announceSessionsEnded(userId)
}

/** The user's signed-in browsers for the Sessions page, this one marked. */
export async function listDevicesOf(userId: string, currentSessionId: string, now = new Date()) {
  const rows = await listActiveSessionsOf(userId, now, new Date(now.getTime() - IDLE_TIMEOUT_MS))
  return rows.map((row) => ({
    id: row.id,
    ...describeDevice(row.userAgent),
    ip: row.ip,
    // Private and loopback addresses have no place.
    location: describeLocation(row.ip) ?? 'Unknown',
    signedInAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.id === currentSessionId,
  }))
}

export async function countActiveSessionsOf(userId: string, now = new Date()): Promise<number> {
  return (await listActiveSessionsOf(userId, now, new Date(now.getTime() - IDLE_TIMEOUT_MS))).length
}

/** Signs one other browser out (its next request finds no session) and logs it. */
export async function revokeSession(userId: string, sessionId: string, origin: RequestOrigin): Promise<boolean> {
  const target = await findSessionOf(userId, sessionId)
  if (!target || !(await deleteSessionOf(userId, sessionId))) return false
  announceSessionsEnded(userId)
  const { browser, os } = describeDevice(target.userAgent)
  const detail = `Signed out ${browser} on ${os}${target.ip ? ` (IP ${target.ip})` : ''}`
  await recordSecurityEvent({ userId, kind: 'session_revoked', origin, detail })
  return true
}

/** "Sign out all other browsers": every session but this one ends; logged when any did. */
export async function revokeOtherSessions(
  userId: string,
  currentSessionId: string,
  origin: RequestOrigin,
): Promise<number> {
  const ended = await deleteUserSessions(userId, currentSessionId)
  if (ended > 0) {
    announceSessionsEnded(userId)
    const detail = `Signed out ${ended} other ${ended === 1 ? 'browser' : 'browsers'}`
    await recordSecurityEvent({ userId, kind: 'session_revoked', origin, detail })
  }
  return ended
}

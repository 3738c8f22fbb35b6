import { findUserById, insertUser } from '~/models/users.server'
import type { Role } from '~/domain/enums'
import { hashPassword } from '~/services/accounts/passwords.server'
import { markSessionPasswordConfirmed, markSessionSecondFactor } from '~/models/sessions.server'
import { readSession, startSession } from '~/services/accounts/sessions.server'
import { getRequest } from './requests'

export const TEST_PASSWORD = 'correct horse battery staple'
let hashed: Promise<string> | undefined

export async function createTestUser(role: Role, overrides: { email?: string; name?: string } = {}) {
  hashed ??= hashPassword(TEST_PASSWORD)
  return insertUser({
    email: overrides.email ?? `${role}-${crypto.randomUUID()}@test.example`,
    name: overrides.name ?? `Test ${role}`,
    role,
    passwordHash: await hashed,
  })
}

/** Two new users of one role, made one after the other (a user and someone else). */
export async function twoTestUsers(role: Role) {
  const first = await createTestUser(role)
  const second = await createTestUser(role)
  return [first, second] as const
}

/**
 * A signed-in cookie for the user, as after a real sign-in. An admin's sign-in always passed a second
 * factor: an hour ago unless told, so pages asking for a recent one still send them to confirm it.
 */
export async function signedInCookie(userId: string, extra: { secondFactorAt?: Date } = {}): Promise<string> {
  const isAdmin = (await findUserById(userId))?.role === 'admin'
  const secondFactorAt = extra.secondFactorAt ?? (isAdmin ? new Date(Date.now() - 60 * 60_000) : undefined)
  const setCookie = await startSession(userId, getRequest('/'), '203.0.113.7', { secondFactorAt })
  return setCookie.split(';')[0] ?? ''
}

/** Marks the cookie's session as having just re-entered the password (before a first factor). */
export async function confirmPasswordNow(cookie: string, at = new Date()): Promise<void> {
  const session = await readSession(getRequest('/', cookie))
  if (!session) throw new Error('no session')
  await markSessionPasswordConfirmed(session.sessionId, at)
}

/** Marks the cookie's session as having just passed a second factor (a step-up). */
export async function passStepUpNow(cookie: string, at = new Date()): Promise<void> {
  const session = await readSession(getRequest('/', cookie))
  if (!session) throw new Error('no session')
  await markSessionSecondFactor(session.sessionId, at)
}

/** A signed-in cookie whose session has just passed a second factor. */
export async function steppedUpCookie(userId: string): Promise<string> {
  const cookie = await signedInCookie(userId)
  await passStepUpNow(cookie)
  return cookie
}

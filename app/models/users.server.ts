import { and, count, desc, eq, gte, isNotNull, isNull, or, type SQL } from 'drizzle-orm'
import { getDb } from './db.server'
import { containsText } from './sql-helpers.server'
import {
  clientProfiles,
  emailChanges,
  freelancerProfiles,
  oneTimeCodes,
  passwordResets,
  pendingSignIns,
  users,
  type Role,
} from './schema'
import { countRows, findRow, pageOf } from './query-helpers.server'

export type User = typeof users.$inferSelect
/** What the app passes around for the signed-in person: never the password hash. */
export type SessionUser = Pick<User, 'id' | 'email' | 'name' | 'role'>

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

export async function findUserByEmail(email: string): Promise<User | undefined> {
  return findRow(users, eq(users.email, normalizeEmail(email)))
}

export async function findUserById(id: string): Promise<User | undefined> {
  return findRow(users, eq(users.id, id))
}

export async function emailExists(email: string): Promise<boolean> {
  return (await findUserByEmail(email)) !== undefined
}

/** Creates the user and the empty profile that goes with the role, in one transaction. */
export async function insertUser(input: Pick<User, 'email' | 'name' | 'role' | 'passwordHash'>): Promise<User> {
  const user = await insertUserUnlessEmailTaken(input)
  if (!user) throw new Error('An account with this email address exists already.')
  return user
}

/**
 * insertUser, or undefined (nothing written) when the address has an account by now: two sign-ups
 * for one mailbox, finished at the same instant by two web workers, both passed the check before.
 */
export async function insertUserUnlessEmailTaken(
  input: Pick<User, 'email' | 'name' | 'role' | 'passwordHash'>,
): Promise<User | undefined> {
  return getDb().transaction((tx) => {
    const user = tx
      .insert(users)
      .values({ id: crypto.randomUUID(), ...input, email: normalizeEmail(input.email) })
      .onConflictDoNothing({ target: users.email })
      .returning()
      .get()
    if (!user) return undefined
    if (input.role === 'freelancer') tx.insert(freelancerProfiles).values({ userId: user.id }).run()
    if (input.role === 'client') tx.insert(clientProfiles).values({ userId: user.id }).run()
    return user
  })
}

export async function updateUserName(userId: string, name: string): Promise<void> {
  getDb().update(users).set({ name }).where(eq(users.id, userId)).run()
}

/** Saves the currency the member's own money pages show approximate amounts in (null: none). */
export async function setDisplayCurrency(userId: string, currency: string | null): Promise<void> {
  getDb().update(users).set({ displayCurrency: currency }).where(eq(users.id, userId)).run()
}

/** How a change of address came about, kept beside it in the account's address history. */
export type EmailChangeHow =
  { confirmedBy: 'code_to_new_address' } | { confirmedBy: 'restored_by_admin'; adminId: string; reason: string }

/**
 * Moves the account to a new address and adds the move to its address history, in one transaction:
 * false (nothing changed) when another account has the address by now. The codes still waiting at
 * the old address stop working: a password reset code sent there must not reset the password of
 * the account at its new address.
 */
export async function changeUserEmail(
  userId: string,
  email: string,
  how: EmailChangeHow,
  now = new Date(),
): Promise<boolean> {
  return changeUserEmailSync(userId, email, how, now)
}

/** changeUserEmail for a caller's own transaction (its savepoint rolls back with it). */
export function changeUserEmailSync(userId: string, email: string, how: EmailChangeHow, now: Date): boolean {
  const address = normalizeEmail(email)
  return getDb().transaction((tx) => {
    const taken = tx.select({ id: users.id }).from(users).where(eq(users.email, address)).get()
    if (taken) return false
    const before = tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).get()
    if (!before) return false
    tx.update(users).set({ email: address }).where(eq(users.id, userId)).run()
    tx.insert(emailChanges)
      .values({
        id: crypto.randomUUID(),
        userId,
        oldEmail: before.email,
        newEmail: address,
        confirmedBy: how.confirmedBy,
        adminId: how.confirmedBy === 'restored_by_admin' ? how.adminId : null,
        reason: how.confirmedBy === 'restored_by_admin' ? how.reason : null,
        createdAt: now,
      })
      .run()
    tx.delete(passwordResets)
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
      .run()
    tx.delete(oneTimeCodes)
      .where(and(eq(oneTimeCodes.userId, userId), eq(oneTimeCodes.channel, 'email'), isNull(oneTimeCodes.usedAt)))
      .run()
    return true
  })
}

/**
 * Sets the password hash and, in the same transaction, voids what the old password or the mailbox
 * had started: unused reset codes (one read by an intruder would otherwise undo the change) and
 * sign-ins that passed the old password and wait for their second factor.
 */
export async function updatePasswordHash(userId: string, passwordHash: string): Promise<void> {
  getDb().transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run()
    tx.delete(passwordResets)
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
      .run()
    tx.delete(pendingSignIns).where(eq(pendingSignIns.userId, userId)).run()
  })
}

export async function setUserRole(userId: string, role: Role): Promise<void> {
  getDb().update(users).set({ role }).where(eq(users.id, userId)).run()
}

export async function blockUser(userId: string, reason: string): Promise<void> {
  getDb().update(users).set({ blockedAt: new Date(), blockedReason: reason }).where(eq(users.id, userId)).run()
}

export async function unblockUser(userId: string): Promise<void> {
  getDb().update(users).set({ blockedAt: null, blockedReason: null }).where(eq(users.id, userId)).run()
}

export type UserListFilter = {
  query?: string
  role?: Role
  status?: 'active' | 'blocked'
  page: number
  pageSize: number
}

export async function listUsers(filter: UserListFilter) {
  const conditions: SQL[] = []
  if (filter.query) {
    const match = or(containsText(users.email, filter.query), containsText(users.name, filter.query))
    if (match) conditions.push(match)
  }
  if (filter.role) conditions.push(eq(users.role, filter.role))
  if (filter.status === 'blocked') conditions.push(isNotNull(users.blockedAt))
  if (filter.status === 'active') conditions.push(isNull(users.blockedAt))
  const where = conditions.length ? and(...conditions) : undefined
  const list = getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      blockedAt: users.blockedAt,
      blockedReason: users.blockedReason,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(where)
    .orderBy(desc(users.createdAt), users.email)
  return { rows: pageOf(list.$dynamic(), filter).all(), total: countRows(users, where) }
}

export async function countUsersByRole(): Promise<Record<Role, number>> {
  const rows = getDb().select({ role: users.role, n: count() }).from(users).groupBy(users.role).all()
  const result: Record<Role, number> = { client: 0, freelancer: 0, admin: 0 }
  for (const row of rows) result[row.role] = row.n
  return result
}

export async function countUsersSince(since: Date): Promise<number> {
  return getDb().select({ n: count() }).from(users).where(gte(users.createdAt, since)).get()?.n ?? 0
}

export async function countBlockedUsers(): Promise<number> {
  return getDb().select({ n: count() }).from(users).where(isNotNull(users.blockedAt)).get()?.n ?? 0
}

/** Every active (not blocked) user with the role, e.g. the admins to tell about a new dispute. */
export async function listUsersByRole(role: Role): Promise<Pick<User, 'id' | 'name' | 'email'>[]> {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, role), isNull(users.blockedAt)))
    .all()
}

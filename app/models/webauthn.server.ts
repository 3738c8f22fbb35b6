import { and, asc, eq, lt, lte, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { preparedQuery } from './prepared-query.server'
import { webauthnChallenges, webauthnCredentials, type WEBAUTHN_KINDS } from './schema'
import { MINUTE_MS } from '~/domain/durations'
import { findRow, listRows, updateRows } from './query-helpers.server'

export type WebAuthnKind = (typeof WEBAUTHN_KINDS)[number]
export type WebAuthnCredentialRow = typeof webauthnCredentials.$inferSelect
export type ChallengePurpose = (typeof webauthnChallenges.$inferSelect)['purpose']

export const CHALLENGE_MINUTES = 5

export async function listWebAuthnCredentials(userId: string, kind: WebAuthnKind): Promise<WebAuthnCredentialRow[]> {
  return listRows(
    webauthnCredentials,
    and(eq(webauthnCredentials.userId, userId), eq(webauthnCredentials.kind, kind)),
    asc(webauthnCredentials.createdAt),
  )
}

// Every dashboard asks whether the user has a second factor: prepared once.
const credentialOfKind = preparedQuery((db) =>
  db
    .select({ id: webauthnCredentials.id })
    .from(webauthnCredentials)
    .where(
      and(
        eq(webauthnCredentials.userId, sql.placeholder('userId')),
        eq(webauthnCredentials.kind, sql.placeholder('kind')),
      ),
    )
    .prepare(),
)

export async function hasWebAuthnCredential(userId: string, kind: WebAuthnKind): Promise<boolean> {
  return credentialOfKind().get({ userId, kind }) !== undefined
}

export async function findWebAuthnCredential(id: string): Promise<WebAuthnCredentialRow | undefined> {
  return findRow(webauthnCredentials, eq(webauthnCredentials.id, id))
}

/** Saves a new credential; false when that credential id is already registered (to anyone). */
export async function insertWebAuthnCredential(row: Omit<WebAuthnCredentialRow, 'lastUsedAt'>): Promise<boolean> {
  return getDb().insert(webauthnCredentials).values(row).onConflictDoNothing().run().changes > 0
}

function ownedBy(userId: string, id: string) {
  return and(eq(webauthnCredentials.id, id), eq(webauthnCredentials.userId, userId))
}

export async function renameWebAuthnCredential(userId: string, id: string, name: string): Promise<boolean> {
  return updateRows(webauthnCredentials, { name }, ownedBy(userId, id))
}

/** Deletes one of the user's own credentials and returns it; undefined when it is not theirs. */
export async function deleteWebAuthnCredential(userId: string, id: string): Promise<WebAuthnCredentialRow | undefined> {
  return getDb().delete(webauthnCredentials).where(ownedBy(userId, id)).returning().get()
}

/** Records a successful use. The counter only moves forward: a racing replay with the same counter is refused. */
export async function recordWebAuthnUse(id: string, counter: number, now: Date): Promise<boolean> {
  const update = getDb().update(webauthnCredentials).set({ counter, lastUsedAt: now })
  const forward = counter === 0 ? eq(webauthnCredentials.counter, 0) : lt(webauthnCredentials.counter, counter)
  return update.where(and(eq(webauthnCredentials.id, id), forward)).run().changes > 0
}

export type StoredChallenge = { userId: string; purpose: ChallengePurpose; kind: WebAuthnKind; challenge: string }

/** Keeps a challenge for five minutes (and clears the user's expired ones). */
export async function storeWebAuthnChallenge(input: StoredChallenge, now: Date): Promise<void> {
  const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * MINUTE_MS)
  getDb().transaction((tx) => {
    tx.delete(webauthnChallenges)
      .where(and(eq(webauthnChallenges.userId, input.userId), lte(webauthnChallenges.expiresAt, now)))
      .run()
    tx.insert(webauthnChallenges)
      .values({ id: crypto.randomUUID(), ...input, expiresAt, createdAt: now })
      .run()
  })
}

/**
 * Takes a challenge: deletes it and says whether it was there and still valid, in one statement,
 * so two requests with the same answer cannot both use it.
 */
export async function takeWebAuthnChallenge(input: StoredChallenge, now: Date): Promise<boolean> {
  const taken = getDb()
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.userId, input.userId),
        eq(webauthnChallenges.purpose, input.purpose),
        eq(webauthnChallenges.kind, input.kind),
        eq(webauthnChallenges.challenge, input.challenge),
      ),
    )
    .returning({ expiresAt: webauthnChallenges.expiresAt })
    .all()
  return taken.some((row) => row.expiresAt > now)
}

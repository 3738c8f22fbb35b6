import { and, eq, lte } from 'drizzle-orm'
import { getDb } from './db.server'
import { stepUpDrafts } from './schema'

type DraftFields = Record<string, string | string[]>

/** Keeps the session's draft for that page (replacing an earlier one), and drops every expired draft. */
export async function saveStepUpDraft(input: {
  sessionId: string
  path: string
  fields: DraftFields
  expiresAt: Date
  now: Date
}): Promise<void> {
  const { now, ...draft } = input
  const db = getDb()
  db.transaction((tx) => {
    tx.delete(stepUpDrafts).where(lte(stepUpDrafts.expiresAt, now)).run()
    tx.insert(stepUpDrafts)
      .values({ id: crypto.randomUUID(), ...draft, createdAt: now })
      .onConflictDoUpdate({
        target: [stepUpDrafts.sessionId, stepUpDrafts.path],
        set: { fields: draft.fields, expiresAt: draft.expiresAt, createdAt: now },
      })
      .run()
  })
}

/** Takes the session's unexpired draft for that page: deleted as it is read, so it is used once. */
export async function takeStepUpDraft(sessionId: string, path: string, now: Date): Promise<DraftFields | null> {
  const taken = getDb()
    .delete(stepUpDrafts)
    .where(and(eq(stepUpDrafts.sessionId, sessionId), eq(stepUpDrafts.path, path)))
    .returning({ fields: stepUpDrafts.fields, expiresAt: stepUpDrafts.expiresAt })
    .get()
  return taken && taken.expiresAt > now ? taken.fields : null
}

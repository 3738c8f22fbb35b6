import { and, desc, eq, isNotNull, ne } from 'drizzle-orm'
import { getDb } from './db.server'
import { signInAssessments } from './schema'
import { findRow } from './query-helpers.server'

export type SignInAssessment = typeof signInAssessments.$inferSelect

export async function insertAssessment(row: SignInAssessment): Promise<void> {
  getDb().insert(signInAssessments).values(row).run()
}

export async function findAssessment(id: string): Promise<SignInAssessment | undefined> {
  return findRow(signInAssessments, eq(signInAssessments.id, id))
}

export async function markAssessmentCompleted(id: string, at: Date): Promise<void> {
  getDb().update(signInAssessments).set({ completedAt: at }).where(eq(signInAssessments.id, id)).run()
}

/** The last finished sign-in with a known place, other than the one being assessed (for travel speed). */
export async function findLastLocatedSignIn(userId: string, exceptId: string): Promise<SignInAssessment | undefined> {
  return findRow(
    signInAssessments,
    and(
      eq(signInAssessments.userId, userId),
      ne(signInAssessments.id, exceptId),
      isNotNull(signInAssessments.completedAt),
      isNotNull(signInAssessments.latitude),
    ),
    desc(signInAssessments.completedAt),
  )
}

/** Countries this account finished a sign-in from before. */
export async function listSignInCountriesOf(userId: string): Promise<string[]> {
  return getDb()
    .selectDistinct({ country: signInAssessments.country })
    .from(signInAssessments)
    .where(
      and(
        eq(signInAssessments.userId, userId),
        isNotNull(signInAssessments.completedAt),
        isNotNull(signInAssessments.country),
      ),
    )
    .all()
    .map((row) => row.country!)
}

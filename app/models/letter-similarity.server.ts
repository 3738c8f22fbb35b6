import { and, desc, eq, gte, inArray, ne, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { listColumn } from './query-helpers.server'
import { projects, proposalLetterSimilarity, proposals } from './schema'

/** Enough letters to catch a template; a freelancer's oldest letters say little about the newest. */
const LETTERS_COMPARED = 200

export type OtherLetter = { proposalId: string; projectTitle: string; coverLetter: string }

/** The freelancer's most recent cover letters on projects other than this one. */
export async function listOtherLettersOfFreelancer(
  freelancerId: string,
  exceptProjectId: string,
): Promise<OtherLetter[]> {
  return getDb()
    .select({ proposalId: proposals.id, projectTitle: projects.title, coverLetter: proposals.coverLetter })
    .from(proposals)
    .innerJoin(projects, eq(projects.id, proposals.projectId))
    .where(and(eq(proposals.freelancerId, freelancerId), ne(proposals.projectId, exceptProjectId)))
    .orderBy(desc(proposals.createdAt))
    .limit(LETTERS_COMPARED)
    .all()
}

export type LetterSimilarityRow = { proposalId: string; similarity: number; similarToProposalId: string | null }

/**
 * Stores the proposal's own similarity as computed now (an edit may lower it), and raises the
 * letters it resembles to at least that similarity (a copy makes the original a template too).
 */
export async function saveLetterSimilarity(
  own: LetterSimilarityRow,
  raised: LetterSimilarityRow[],
  now = new Date(),
): Promise<void> {
  const db = getDb()
  db.transaction((tx) => {
    tx.insert(proposalLetterSimilarity)
      .values({ ...own, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: proposalLetterSimilarity.proposalId,
        set: { similarity: own.similarity, similarToProposalId: own.similarToProposalId, updatedAt: now },
      })
      .run()
    for (const row of raised) {
      tx.insert(proposalLetterSimilarity)
        .values({ ...row, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: proposalLetterSimilarity.proposalId,
          set: {
            similarity: sql`max(${proposalLetterSimilarity.similarity}, excluded.similarity)`,
            similarToProposalId: sql`case when excluded.similarity > ${proposalLetterSimilarity.similarity} then excluded.similar_to_proposal_id else ${proposalLetterSimilarity.similarToProposalId} end`,
            updatedAt: now,
          },
        })
        .run()
    }
  })
}

/** Which of these proposals have a letter at least this similar to another of the freelancer's. */
export async function listTemplatedProposalIds(proposalIds: string[], threshold: number): Promise<Set<string>> {
  if (!proposalIds.length) return new Set()
  const ids = listColumn(
    proposalLetterSimilarity.proposalId,
    and(inArray(proposalLetterSimilarity.proposalId, proposalIds), gte(proposalLetterSimilarity.similarity, threshold)),
  )
  return new Set(ids)
}

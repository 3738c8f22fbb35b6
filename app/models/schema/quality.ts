import { index, real, sqliteTable } from 'drizzle-orm/sqlite-core'
import { optionalRef, ref, timestamps } from './columns'
import { proposals } from './contracts'

/**
 * How close a proposal's cover letter is to the same freelancer's letters on other projects: the
 * best Jaccard similarity of word 3-gram shingles, and the letter it was closest to. Kept when the
 * proposal is sent or edited (and raised on the older letter when a newer one copies it), so the
 * client's list can mark and hide templated letters without comparing texts on every view.
 */
export const proposalLetterSimilarity = sqliteTable(
  'proposal_letter_similarity',
  {
    proposalId: ref('proposal_id', () => proposals.id, 'cascade').primaryKey(),
    similarity: real('similarity').notNull(),
    similarToProposalId: optionalRef('similar_to_proposal_id', () => proposals.id, 'set null'),
    ...timestamps,
  },
  (t) => [index('proposal_letter_similarity_idx').on(t.similarity)],
)

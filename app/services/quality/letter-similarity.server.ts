/** Keeps how templated a sent cover letter is, so the client's list can mark and hide such letters. */
import {
  listOtherLettersOfFreelancer,
  listTemplatedProposalIds,
  saveLetterSimilarity,
} from '~/models/letter-similarity.server'
import { TEMPLATED_THRESHOLD, compareLetters, isTemplated } from './templated-letters'

/** Called when a proposal is sent or its letter edited. */
export async function recordLetterSimilarity(
  proposal: { id: string; projectId: string; freelancerId: string; coverLetter: string },
  now = new Date(),
): Promise<void> {
  const others = await listOtherLettersOfFreelancer(proposal.freelancerId, proposal.projectId)
  const matches = compareLetters(proposal.coverLetter, others)
  const best = matches[0]
  await saveLetterSimilarity(
    { proposalId: proposal.id, similarity: best?.similarity ?? 0, similarToProposalId: best?.proposalId ?? null },
    matches
      .filter((match) => isTemplated(match.similarity))
      .map((match) => ({
        proposalId: match.proposalId,
        similarity: match.similarity,
        similarToProposalId: proposal.id,
      })),
    now,
  )
}

/** The proposals among these whose letters are templated. */
export async function templatedAmong(proposalIds: string[]): Promise<Set<string>> {
  return listTemplatedProposalIds(proposalIds, TEMPLATED_THRESHOLD)
}

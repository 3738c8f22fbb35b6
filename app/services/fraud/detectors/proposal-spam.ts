import { FRAUD_CONFIG } from '../fraud-config'
import { burstsOf, draftFrom, groupBy, plural, type AlertDraft } from '../alert-draft'
import type { ProposalFact } from '~/domain/fraud-facts'
import { nearDuplicateGroups } from '../shingles'

const C = FRAUD_CONFIG.proposals

/** One cover letter sent, barely changed, to many projects within a week. */
export function detectProposalSpam(proposals: readonly ProposalFact[]): AlertDraft[] {
  const drafts: AlertDraft[] = []
  for (const [freelancerId, mine] of groupBy(proposals, (p) => p.freelancerId)) {
    if (mine.length < C.minProjects) continue
    for (const burst of burstsOf(mine, (p) => p.at, C.windowMs)) {
      if (burst.length < C.minProjects) continue
      const groups = nearDuplicateGroups(
        burst.map((p, index) => ({ id: String(index), text: p.coverLetter })),
        C.nearDuplicate,
      )
      const largest = groups.reduce<string[]>((best, group) => (group.length > best.length ? group : best), [])
      const projects = new Set(largest.map((index) => burst[Number(index)]!.projectId))
      if (projects.size < C.minProjects) continue
      const draft = draftFrom(
        {
          type: 'proposal_spam',
          key: `proposal_spam:${freelancerId}:${burst[0]!.at}`,
          accounts: [freelancerId],
          words: [
            `The same cover letter (near-identical text) went to ${plural(projects.size, 'project')} within ${Math.ceil((burst.at(-1)!.at - burst[0]!.at) / 86_400_000) || 1} days.`,
          ],
          data: { projects: [...projects], proposals: burst.length },
        },
        C.points.base + (projects.size - C.minProjects) * C.points.perProjectOverMin,
      )
      if (draft) drafts.push(draft)
    }
  }
  return drafts
}

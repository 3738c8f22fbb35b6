import { FRAUD_CONFIG } from '../fraud-config'
import { draftFrom, groupBy, type AlertDraft } from '../alert-draft'
import type { SubmissionFact } from '~/domain/fraud-facts'

const C = FRAUD_CONFIG.disputes

/** A client disputing an unusual share of the milestones submitted to them lately. */
export function detectDisputeAbuse(submissions: readonly SubmissionFact[], now: number): AlertDraft[] {
  const recent = submissions.filter((s) => s.at >= now - C.windowMs)
  const drafts: AlertDraft[] = []
  for (const [clientId, mine] of groupBy(recent, (s) => s.clientId)) {
    if (mine.length < C.minSubmissions) continue
    const disputed = mine.filter((s) => s.disputed)
    const share = disputed.length / mine.length
    if (share < C.minShare) continue
    const freelancers = [...new Set(disputed.map((s) => s.freelancerId))]
    const draft = draftFrom(
      {
        type: 'dispute_abuse',
        key: `dispute_abuse:${clientId}`,
        accounts: [clientId],
        words: [
          `Disputed ${disputed.length} of ${mine.length} submitted milestones (${Math.round(share * 100)}%) in ${Math.round(C.windowMs / 86_400_000)} days, against ${freelancers.length} freelancer${freelancers.length === 1 ? '' : 's'}.`,
        ],
        data: { submitted: mine.length, disputed: disputed.length, share, freelancers },
      },
      C.points.base + share * C.points.share,
    )
    if (draft) drafts.push(draft)
  }
  return drafts
}

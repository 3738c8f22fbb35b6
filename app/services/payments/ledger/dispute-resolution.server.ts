import type { MilestoneDisputeResolver } from '~/services/marketplace/disputes.server'
import { resolveDisputedMilestone } from './escrow.server'

/** Resolves a disputed milestone through escrow, inside the transaction that records the decision. */
export const milestoneDisputeResolver: MilestoneDisputeResolver = resolveDisputedMilestone

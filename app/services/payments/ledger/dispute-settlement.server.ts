import type { MilestoneSettler } from '~/services/marketplace/disputes.server'
import { settleDisputedMilestone } from './escrow.server'

/** Settles a disputed milestone through escrow, inside the transaction that records the decision. */
export const milestoneSettler: MilestoneSettler = settleDisputedMilestone

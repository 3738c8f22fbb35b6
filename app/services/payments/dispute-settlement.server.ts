import type { MilestoneSettler } from '~/services/marketplace/disputes.server'

/**
 * Settles a disputed milestone through escrow. Null until the escrow service is available, in
 * which case deciding a milestone dispute says so (409) and nothing changes.
 */
export const milestoneSettler: MilestoneSettler | null = null

import { notify } from '~/services/notifications/notify.server'
import { formatMoney } from '~/utils/format'

/**
 * Tells the freelancer that a milestone's money is in escrow, so work can begin. Every way of
 * funding (wallet, sandbox card, Stripe, crypto) calls it once the funding is committed.
 */
export async function tellFreelancerMilestoneFunded(
  contract: { id: string; freelancerId: string; currency: string },
  milestone: { title: string; amountMinor: number },
): Promise<void> {
  const money = formatMoney(milestone.amountMinor, contract.currency)
  await notify({
    userId: contract.freelancerId,
    kind: 'milestone_update',
    title: `“${milestone.title}” is funded: you can start`,
    body: `${money} is held in escrow for it. Submit the work on the contract page when it is done.`,
    link: `/contracts/${contract.id}`,
  })
}

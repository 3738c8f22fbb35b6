import { RUNNING_DISPUTE_STATES } from '~/domain/dispute-machine'
import { DISPUTABLE_MILESTONE_STATES } from '~/domain/milestone-machine'
import { findContract, findMilestone } from '~/models/contracts.server'
import { listFraudAlertAccounts, listHoldableMilestonesOf, recordFraudAlertEvent } from '~/models/fraud-alerts.server'
import type { Refusal } from '~/services/domain-errors'
import { openMilestoneDispute } from '~/services/marketplace/disputes.server'
import { notify } from '~/services/notifications/notify.server'
import { formatMoney } from '~/utils/format'

type Admin = { id: string; name: string }

/** Milestones still in escrow on active contracts of the alert's accounts, without a running dispute. */
export async function listMilestonesToHold(alertId: string) {
  const accounts = await listFraudAlertAccounts(alertId)
  return listHoldableMilestonesOf(
    accounts.map((account) => account.id),
    DISPUTABLE_MILESTONE_STATES,
    RUNNING_DISPUTE_STATES,
  )
}

/**
 * Puts a milestone of an involved account's contract on hold by opening a dispute on it, as an
 * admin, through the dispute rules everyone else uses: the escrow stays put (no approval, release
 * or automatic release) until an admin decides, and both sides may give their side meanwhile.
 * The note is the dispute's reason and goes in the alert's history.
 */
export async function openDisputeHoldFromAlert(
  admin: Admin,
  alertId: string,
  input: { milestoneId: string; note: string },
  now = new Date(),
): Promise<{ ok: true; message: string } | Refusal> {
  const held = (await listMilestonesToHold(alertId)).find((m) => m.milestoneId === input.milestoneId)
  const contract = held && (await findContract(held.contractId))
  const milestone = contract && (await findMilestone(contract.id, input.milestoneId))
  if (!held || !contract || !milestone)
    return {
      ok: false,
      reason: 'conflict',
      message:
        'That milestone is no longer in escrow on a contract of this alert’s accounts, or a dispute already holds it.',
    }
  const opened = await openMilestoneDispute(
    { ...admin, role: 'admin' },
    contract,
    milestone,
    // Both sides read the evidence: it names no alert (the alert's own history links the two), so a
    // suspect is not told they were flagged, as a held payout tells them only "under review".
    {
      reason: input.note,
      evidence: 'Opened by the MegiLance review team while it looks at this contract.',
      file: null,
    },
    now,
  )
  if (!opened.ok) return opened
  // The dispute rules tell "the other side" of the opener, the client here; the freelancer is told too.
  await notify({
    userId: contract.freelancerId,
    kind: 'dispute_update',
    title: `Milestone “${milestone.title}” on “${contract.title}” is on hold`,
    body: 'Our team opened a dispute while it reviews the contract. Give your side; an admin then decides.',
    link: `/disputes/${opened.dispute!.id}`,
  })
  const what = `milestone “${milestone.title}” (${formatMoney(milestone.amountMinor, contract.currency)}) of “${contract.title}”`
  await recordFraudAlertEvent({
    alertId,
    actorId: admin.id,
    action: 'dispute_hold',
    note: `Opened a dispute hold on ${what}: ${input.note}`,
    at: now,
  })
  return { ok: true, message: `A dispute now holds ${what}.` }
}

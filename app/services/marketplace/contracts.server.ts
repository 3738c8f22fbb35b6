import { takeAccountQuota } from '~/services/security/throttle.server'
import { NotFound } from '~/services/domain-errors'
import {
  endContractRow,
  findContract,
  findMilestone,
  insertMilestone,
  listContractActivity,
  listDisputedMilestoneIds,
  listMilestones,
  listMilestonesDueForAutoApproval,
  type Contract,
  type Milestone,
} from '~/models/contracts.server'
import { balanceOf, listMilestoneReleases, type MilestoneRelease } from '~/models/ledger.server'
import { findUserById } from '~/models/users.server'
import { listDisputesOfContract } from '~/models/disputes.server'
import { notify } from '~/services/notifications/notify.server'
import { loadContractCallHistory } from '~/services/video/contract-calls.server'
import { tellFreelancerMilestoneFunded } from './milestone-notices.server'
import { takeMilestoneAction } from './milestone-changes.server'
import {
  feePreview,
  feePreviewWith,
  fundMilestoneFromWallet,
  refundMilestone,
  releaseMilestone,
  startMilestoneCardPayment,
} from '~/services/payments/ledger/escrow.server'
import { feeTaxTreatmentFor } from '~/services/payments/tax/tax-customer.server'
import { currencyDigits, formatMoney } from '~/utils/format'
import { amountProblemMessage, readAmount } from '~/utils/money'
import { DISPUTABLE_MILESTONE_STATES, MILESTONE_MACHINE } from '~/domain/milestone-machine'
import { fromStates } from '~/domain/state-machine'
import { paidEnoughToReview, reviewWindow, reviewWindowClosesAt } from './review-rules'
import { findReviewContract } from './reviews.server'
import {
  allMilestonesPaid,
  allowedMilestoneActions,
  autoApprovalDueAt,
  AUTO_APPROVAL_DAYS,
  checkEndContract,
  checkMilestoneAction,
  MILESTONE_STATUS_LABELS,
  type MilestoneAction,
  type Side,
} from './milestone-rules'
import { DAY_MS } from '~/domain/durations'
import { screenAccount } from '~/services/fraud/screening.server'
import { MILESTONE_MINIMUM_USD } from '~/domain/paid-work'
import { dollarsInMinor } from '~/services/payments/rates/dollar-amounts.server'
import { belowMinimumMessage } from './proposal-rules'

export type Actor = { id: string; name: string; role: string }
export type ContractOutcome =
  | { ok: true; message: string; redirectTo?: string }
  | { ok: false; reason: 'invalid' | 'conflict' | 'provider-failed'; message: string; field?: string }

/** The contract and which side the viewer is on; NotFound for anyone not on it (admins read as admin). */
export async function requireContractParty(
  user: Actor,
  contractId: string | undefined,
): Promise<{ contract: Contract; side: Side | 'admin' }> {
  const contract = contractId ? await findContract(contractId) : undefined
  if (contract && contract.clientId === user.id) return { contract, side: 'client' }
  if (contract && contract.freelancerId === user.id) return { contract, side: 'freelancer' }
  if (contract && user.role === 'admin') return { contract, side: 'admin' }
  throw new NotFound()
}

function otherSide(contract: Contract, actorId: string): string {
  return actorId === contract.clientId ? contract.freelancerId : contract.clientId
}

async function tellOtherSide(contract: Contract, actorId: string, title: string, body?: string) {
  await notify({
    userId: otherSide(contract, actorId),
    kind: 'milestone_update',
    title,
    body,
    link: `/contracts/${contract.id}`,
  })
}

/** Everything the contract page shows, with the actions this viewer may take on each milestone. */
export async function loadContractPage(contract: Contract, side: Side | 'admin') {
  const [client, freelancer, milestones, activity, disputed, escrowMinor, walletMinor, releases, disputes] =
    await Promise.all([
      findUserById(contract.clientId),
      findUserById(contract.freelancerId),
      listMilestones(contract.id),
      listContractActivity(contract.id),
      listDisputedMilestoneIds(contract.id),
      balanceOf({ kind: 'escrow', ownerId: contract.id, currency: contract.currency }),
      side === 'client'
        ? balanceOf({ kind: 'wallet', ownerId: contract.clientId, currency: contract.currency })
        : Promise.resolve(0),
      listMilestoneReleases(contract),
      listDisputesOfContract(contract.id),
    ])
  // Each milestone's latest dispute (newest first), so its card links to the case and its decision.
  const disputeOf = new Map<string, { id: string; decided: boolean }>()
  for (const dispute of disputes)
    if (dispute.milestoneId && !disputeOf.has(dispute.milestoneId))
      disputeOf.set(dispute.milestoneId, { id: dispute.id, decided: dispute.status === 'decided' })
  const releaseOf = new Map(releases.map((release) => [release.milestoneId, release]))
  const active = contract.status === 'active'
  const taxTreatment = feeTaxTreatmentFor(contract.clientId)
  const callHistory = await loadContractCallHistory(contract.id, activity)
  const otherSideUser = side === 'client' ? freelancer : side === 'freelancer' ? client : undefined
  return {
    // An admin blocked the other side of this live contract: the page says so (never why).
    otherSideBlocked: active && Boolean(otherSideUser?.blockedAt),
    blockedNotice:
      active && otherSideUser?.blockedAt && side !== 'admin' ? blockedPartyNotice(otherSideUser.name, side) : null,
    client: { id: contract.clientId, name: client?.name ?? 'Client' },
    freelancer: { id: contract.freelancerId, name: freelancer?.name ?? 'Freelancer' },
    escrowMinor,
    walletMinor,
    feePercent: feePreview(0).percent,
    milestones: milestones.map((milestone) => ({
      id: milestone.id,
      position: milestone.position,
      title: milestone.title,
      amountMinor: milestone.amountMinor,
      fee: feePreviewWith(milestone.amountMinor, taxTreatment),
      // What was actually paid, from the ledger: a fee change or a dispute split shows as it happened.
      paid: milestone.status === 'released' ? paidView(milestone, releaseOf.get(milestone.id)) : null,
      dueDate: milestone.dueDate,
      status: milestone.status,
      statusLabel: MILESTONE_STATUS_LABELS[milestone.status],
      submissionNote: milestone.submissionNote,
      changesRequest: milestone.status === 'changes_requested' ? milestone.changesRequest : null,
      autoApprovesAt:
        // A running dispute pauses automatic approval (the job skips it): no date to promise then.
        milestone.status === 'submitted' && milestone.submittedAt && !disputed.has(milestone.id)
          ? autoApprovalDueAt(milestone.submittedAt)
          : null,
      inDispute: disputed.has(milestone.id),
      dispute: disputeOf.get(milestone.id) ?? null,
      actions:
        side === 'admin'
          ? []
          : allowedMilestoneActions(milestone.status, side, {
              contractActive: active,
              disputeOpen: disputed.has(milestone.id),
            }),
      canDispute:
        active &&
        side !== 'admin' &&
        !disputed.has(milestone.id) &&
        DISPUTABLE_MILESTONE_STATES.includes(milestone.status),
    })),
    activity: callHistory.activity,
    calls: callHistory.calls,
    allPaid: active && contract.type === 'fixed' && allMilestonesPaid(milestones.map((milestone) => milestone.status)),
    reviews: { window: reviewWindow(contract, new Date()), closesAt: reviewWindowClosesAt(contract) },
  }
}

/**
 * What the reader of a live contract can do when an admin blocked its other side; written here, not in
 * the page's component, so the words cost the contract page's script nothing.
 */
function blockedPartyNotice(name: string, readerSide: Side): { heading: string; text: string } {
  const meanwhile =
    readerSide === 'client'
      ? 'Money in escrow stays there. You can end the contract below: money for milestones without submitted work goes back to your wallet. Submitted work you can still approve, or open a dispute about.'
      : 'Money in escrow stays there, and work you submitted is still approved and paid automatically 14 days after submission unless a dispute is running. You can also end the contract below or open a dispute about a milestone.'
  return {
    heading: `${name}’s account is suspended`,
    text: `MegiLance has suspended ${name}’s account, so they cannot sign in, work on this contract or answer messages until the suspension is lifted. ${meanwhile}`,
  }
}

function paidView(milestone: Milestone, release: MilestoneRelease | undefined) {
  if (!release) return null
  return { ...release, releasedAt: milestone.releasedAt, autoApproved: milestone.autoApproved }
}

/**
 * The sides' own moves are checked again in their conditional update: the contract still active
 * and no dispute running, as they are at the write (a dispute or an ending a moment before wins).
 */
const WHILE_OPEN = { whileContractActive: true, whileUndisputed: true } as const

/** Runs one milestone action for the acting side, or says (409) what is allowed instead. */
export async function performMilestoneAction(
  actor: Actor,
  contract: Contract,
  side: Side,
  milestoneId: string,
  action: MilestoneAction,
  input: { note?: string; changes?: string; method?: 'card' | 'wallet' },
  at = new Date(),
): Promise<ContractOutcome> {
  const milestone = await findMilestone(contract.id, milestoneId)
  if (!milestone) throw new NotFound()
  const disputed = await listDisputedMilestoneIds(contract.id)
  const check = checkMilestoneAction(action, milestone.status, side, {
    contractActive: contract.status === 'active',
    disputeOpen: disputed.has(milestone.id),
  })
  if (!check.ok) return { ok: false, reason: 'conflict', message: check.message }
  const money = formatMoney(milestone.amountMinor, contract.currency)
  const stale: ContractOutcome = {
    ok: false,
    reason: 'conflict',
    message: 'The milestone changed meanwhile; nothing was done. Look at it again.',
  }

  if (action === 'fund') {
    if (input.method === 'card') {
      const start = await startMilestoneCardPayment(contract, milestone, at)
      if (!start.ok)
        return { ok: false, reason: 'refused' in start ? 'conflict' : 'provider-failed', message: start.message }
      return { ok: true, message: 'Pay by card to fund the milestone.', redirectTo: start.redirectTo }
    }
    const line = {
      actorId: actor.id,
      kind: 'milestone.funded',
      detail: `${actor.name} funded “${milestone.title}” with ${money} from the wallet balance; it is held in escrow.`,
    }
    const result = fundMilestoneFromWallet(contract, milestone, line, at)
    if (result === 'insufficient')
      return { ok: false, reason: 'conflict', message: `Your wallet balance is below ${money}. Pay by card instead.` }
    if (result === 'not_pending') return stale
    await tellFreelancerMilestoneFunded(contract, milestone)
    return { ok: true, message: `Funded: ${money} is held in escrow.` }
  }

  if (action === 'submit') {
    // After a change request the client should know this is the answer to it, not new work.
    const again = milestone.status === 'changes_requested'
    const verb = again ? 'resubmitted' : 'submitted'
    const changed = takeMilestoneAction('submit', {
      milestone,
      set: { submittedAt: at, submissionNote: input.note ?? '' },
      moved: { actorId: actor.id, detail: `${actor.name} ${verb} work on “${milestone.title}”: ${input.note ?? ''}` },
      at,
      ...WHILE_OPEN,
    })
    if (!changed) return stale
    await tellOtherSide(
      contract,
      actor.id,
      `Work ${verb} on “${milestone.title}”`,
      `Review it within ${AUTO_APPROVAL_DAYS} days; after that it is approved and paid automatically.`,
    )
    return {
      ok: true,
      message: `${again ? 'Resubmitted' : 'Submitted'}. The client has ${AUTO_APPROVAL_DAYS} days to review it.`,
    }
  }

  if (action === 'request_changes') {
    const changed = takeMilestoneAction('request_changes', {
      milestone,
      set: { changesRequestedAt: at, changesRequest: input.changes ?? '' },
      moved: {
        actorId: actor.id,
        detail: `${actor.name} asked for changes on “${milestone.title}”: ${input.changes ?? ''}`,
      },
      at,
      ...WHILE_OPEN,
    })
    if (!changed) return stale
    await tellOtherSide(contract, actor.id, `Changes requested on “${milestone.title}”`, input.changes)
    return { ok: true, message: 'Changes requested. The freelancer will resubmit.' }
  }

  const released = releaseMilestone(
    contract,
    milestone,
    [{ actorId: actor.id, kind: 'milestone.approved', detail: `${actor.name} approved “${milestone.title}”.` }],
    at,
  )
  if (!released) return stale
  const fee = feePreview(milestone.amountMinor)
  const net = formatMoney(fee.netMinor, contract.currency)
  const feeMoney = formatMoney(milestone.amountMinor - fee.netMinor, contract.currency)
  await tellOtherSide(
    contract,
    actor.id,
    `“${milestone.title}” approved and paid`,
    `${net} is in your wallet (${money} less the ${fee.percent}% platform fee).`,
  )
  await screenAccount(contract.freelancerId, at)
  const freelancer = await findUserById(contract.freelancerId)
  return {
    ok: true,
    message: `${money} released: ${net} to ${freelancer?.name ?? 'the freelancer'}, ${feeMoney} platform fee.`,
  }
}

export async function addMilestone(
  actor: Actor,
  contract: Contract,
  input: { title: string; amount: string; dueDate?: string },
  at = new Date(),
): Promise<ContractOutcome> {
  if (contract.type !== 'fixed' || contract.status !== 'active')
    return { ok: false, reason: 'conflict', message: 'Milestones can be added only to an active fixed-price contract.' }
  const digits = currencyDigits(contract.currency)
  const amount = readAmount(input.amount, digits)
  if (!amount.ok)
    return {
      ok: false,
      reason: 'invalid',
      field: 'amount',
      message: `${amountProblemMessage(amount.problem, contract.currency, 'Enter an amount like 250 or 250.50')}.`,
    }
  if (amount.minor <= 0)
    return { ok: false, reason: 'invalid', field: 'amount', message: 'Enter an amount above zero.' }
  const minimumMinor = await dollarsInMinor(MILESTONE_MINIMUM_USD, contract.currency, at)
  if (amount.minor < minimumMinor)
    return {
      ok: false,
      reason: 'invalid',
      field: 'amount',
      message: belowMinimumMessage('A milestone', minimumMinor, contract.currency),
    }
  const amountMinor = amount.minor
  const dueDate = input.dueDate ? new Date(`${input.dueDate}T00:00:00Z`) : null
  if (dueDate && dueDate.getTime() < at.getTime() - DAY_MS)
    return { ok: false, reason: 'invalid', field: 'dueDate', message: 'The due date cannot be in the past.' }
  const money = formatMoney(amountMinor, contract.currency)
  await takeAccountQuota('contract-change', actor, at)
  await insertMilestone({
    contractId: contract.id,
    title: input.title,
    amountMinor,
    dueDate,
    line: {
      actorId: actor.id,
      kind: 'milestone.added',
      detail: `${actor.name} added the milestone “${input.title}” for ${money}.`,
    },
    at,
  })
  await tellOtherSide(
    contract,
    actor.id,
    `New milestone on “${contract.title}”: ${input.title}`,
    `${money}. It is paid into escrow before work starts.`,
  )
  return { ok: true, message: `Milestone “${input.title}” added.` }
}

/**
 * Either side ends the contract; funded milestones without submitted work go back to the client.
 * The check runs inside the transaction that ends the contract, on the milestones as they are
 * then: work submitted a moment before still stops the ending (409), never stays in an ended contract.
 */
export async function endContract(
  actor: Actor,
  contract: Contract,
  reason: string,
  at = new Date(),
): Promise<ContractOutcome> {
  const alreadyEnded: ContractOutcome = { ok: false, reason: 'conflict', message: 'This contract has already ended.' }
  if (contract.status !== 'active') return alreadyEnded
  const refundable = fromStates(MILESTONE_MACHINE, 'refund')
  const ended = endContractRow({
    contract,
    endedBy: actor.id,
    reason,
    line: { actorId: actor.id, kind: 'contract.ended', detail: `${actor.name} ended the contract: ${reason}` },
    at,
    refuse: ({ milestones, disputeOpen }) => {
      const check = checkEndContract(
        milestones.map((milestone) => milestone.status),
        disputeOpen,
      )
      return check.ok ? null : check.message
    },
    alongside: ({ milestones }) => {
      for (const milestone of milestones.filter((each) => refundable.includes(each.status))) {
        const money = formatMoney(milestone.amountMinor, contract.currency)
        const refunded = refundMilestone(
          contract,
          milestone,
          {
            actorId: null,
            kind: 'milestone.refunded',
            detail: `${money} for “${milestone.title}” went back to the client’s wallet.`,
          },
          at,
        )
        // The transaction holds the write lock, so this cannot happen; if it did, nothing is ended.
        if (!refunded) throw new Error(`Milestone ${milestone.id} changed while its contract was ending.`)
      }
    },
  })
  if (!ended.ended) return ended.refusal ? { ok: false, reason: 'conflict', message: ended.refusal } : alreadyEnded
  // Reviews are for paid work (review-rules): an ending that paid nothing does not invite one.
  const paid = (await findReviewContract(contract.id, actor.id, at))?.contract.paid
  const reviewsOpen = paid !== undefined && paidEnoughToReview(paid)
  await notify({
    userId: otherSide(contract, actor.id),
    kind: 'contract_update',
    title: `${actor.name} ended the contract “${contract.title}”`,
    body: reviewsOpen ? `${reason} You can both leave a review within 14 days.` : reason,
    link: `/contracts/${contract.id}`,
  })
  return {
    ok: true,
    message: reviewsOpen ? 'The contract has ended. You can now leave a review.' : 'The contract has ended.',
  }
}

/** The scheduled job: submitted work nobody reviewed for 14 days is approved and paid. */
export async function runAutoApprovals(now = new Date()): Promise<number> {
  const due = await listMilestonesDueForAutoApproval(new Date(now.getTime() - AUTO_APPROVAL_DAYS * DAY_MS))
  let approved = 0
  for (const { milestone, contract } of due) {
    const line = {
      actorId: null,
      kind: 'milestone.approved',
      detail: `“${milestone.title}” was approved automatically ${AUTO_APPROVAL_DAYS} days after submission.`,
    }
    if (!releaseMilestone(contract, milestone as Milestone, [line], now, { autoApproved: true })) continue
    approved++
    const title = `“${milestone.title}” was approved automatically`
    for (const userId of [contract.clientId, contract.freelancerId]) {
      await notify({
        userId,
        kind: 'milestone_update',
        title,
        body: `${formatMoney(milestone.amountMinor, contract.currency)} was released from escrow.`,
        link: `/contracts/${contract.id}`,
      })
    }
  }
  return approved
}

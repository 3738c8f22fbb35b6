import {
  type findDispute,
  findOpenDisputeOfMilestone,
  insertMilestoneDispute,
  saveDisputeDecision,
  saveDisputeResponse,
  resolveInvoiceDispute,
  type Dispute,
  type DisputeOpening,
} from '~/models/disputes.server'
import type { DisputeDecision } from '~/domain/enums'
import { listMilestoneReleases } from '~/models/ledger.server'
import { listUploads } from '~/models/uploads.server'
import { findUserById, listUsersByRole } from '~/models/users.server'
import { DOCUMENT_TYPES, keepUploadsIf, storeUpload, UploadRejected } from '~/services/files/uploads.server'
import { notify } from '~/services/notifications/notify.server'
import { formatDate, formatMoney } from '~/utils/format'
import { chargeInvoice } from '~/services/payments/cards/invoice-charges.server'
import { DISPUTABLE_MILESTONE_STATES } from '~/domain/milestone-machine'
import { DISPUTE_MACHINE } from '~/domain/dispute-machine'
import { INVOICE_MACHINE } from '~/domain/invoice-machine'
import { fromStates, toState } from '~/domain/state-machine'
import {
  DECISION_LABELS,
  DISPUTE_RESPONSE_DAYS,
  MAX_DISPUTE_FILE_BYTES,
  disputeResponseDueAt,
  disputeSharesFor,
  type DisputeShares,
} from './dispute-rules'

export type FoundDispute = NonNullable<Awaited<ReturnType<typeof findDispute>>>
type Contract = FoundDispute['contract']
type Milestone = NonNullable<FoundDispute['milestone']>
type Actor = { id: string; name: string; role: 'client' | 'freelancer' | 'admin' }
export type DisputeOutcome =
  { ok: true; dispute?: Dispute } | { ok: false; reason: 'invalid' | 'conflict'; message: string; field?: 'file' }

/**
 * Moves a disputed milestone's escrow as decided. It runs inside the decision's database
 * transaction, so it must be synchronous and throw to undo the decision.
 */
export type MilestoneDisputeResolver = (input: {
  contract: Contract
  milestone: Milestone
  shares: DisputeShares
  disputeId: string
}) => void

export function isParty(contract: Contract, userId: string): boolean {
  return contract.clientId === userId || contract.freelancerId === userId
}

function otherParty(contract: Contract, userId: string): string {
  return contract.clientId === userId ? contract.freelancerId : contract.clientId
}

function disputedAmount(found: FoundDispute): number {
  return found.dispute.amountMinor
}

function subject(found: FoundDispute): string {
  if (found.milestone) return `milestone “${found.milestone.title}”`
  if (found.invoice) return `the invoice for the week of ${formatDate(found.invoice.weekStart)}`
  return 'the contract'
}

/** Why this milestone cannot be disputed now, or null when it can. */
/** Why a dispute about the milestone cannot open now, or null: checked before the file is stored, and again at the write. */
function milestoneDisputeRefusal({ contract, milestone, running }: DisputeOpening): string | null {
  if (contract.status !== 'active') return 'Disputes can be opened only on an active contract.'
  if (!DISPUTABLE_MILESTONE_STATES.includes(milestone.status)) {
    return `Only money held in escrow can be disputed: a milestone that is funded, submitted or sent back for changes. This one is ${milestone.status.replace('_', ' ')}.`
  }
  if (running) return 'A dispute about this milestone is already open.'
  return null
}

/** Stores a dispute's evidence file; called only once the submission is allowed. */
async function storeEvidence(
  ownerId: string,
  file: File | null,
): Promise<{ ok: true; ids: string[] } | { ok: false; reason: 'invalid'; field: 'file'; message: string }> {
  if (!file) return { ok: true, ids: [] }
  try {
    const upload = await storeUpload({
      ownerId,
      purpose: 'dispute',
      file,
      allowedTypes: DOCUMENT_TYPES,
      maxBytes: MAX_DISPUTE_FILE_BYTES,
    })
    return { ok: true, ids: [upload.id] }
  } catch (error) {
    if (error instanceof UploadRejected) return { ok: false, reason: 'invalid', field: 'file', message: error.message }
    throw error
  }
}

/**
 * Stores the evidence file, if any, then `save`s with its upload id; the file is removed again when
 * nothing was saved.
 */
async function saveWithEvidence<T>(
  ownerId: string,
  file: File | null,
  save: (uploadId: string | null) => Promise<T>,
  kept: (saved: T) => boolean = Boolean,
) {
  const stored = await storeEvidence(ownerId, file)
  if (!stored.ok) return stored
  return { ok: true as const, saved: await keepUploadsIf(stored.ids, () => save(stored.ids[0] ?? null), kept) }
}

/**
 * Opens a dispute about a milestone in escrow. The actor must be a party (the route checks that
 * before reading the form); the contract and milestone states are checked before the evidence
 * file is stored, and the file is removed again if the dispute is not saved after all.
 */
export async function openMilestoneDispute(
  actor: Actor,
  contract: Contract,
  milestone: Milestone,
  input: { reason: string; evidence: string; file: File | null },
  now = new Date(),
): Promise<DisputeOutcome> {
  const refusal = milestoneDisputeRefusal({
    contract,
    milestone,
    running: (await findOpenDisputeOfMilestone(milestone.id)) !== undefined,
  })
  if (refusal) return { ok: false, reason: 'conflict', message: refusal }
  const opened = await saveWithEvidence(
    actor.id,
    input.file,
    (evidenceUploadId) =>
      insertMilestoneDispute({
        contractId: contract.id,
        milestoneId: milestone.id,
        amountMinor: milestone.amountMinor,
        openedBy: actor.id,
        reason: input.reason,
        evidence: input.evidence,
        evidenceUploadId,
        line: {
          actorId: actor.id,
          kind: 'dispute.opened',
          detail: `${actor.name} opened a dispute about milestone “${milestone.title}”: ${input.reason}`,
        },
        at: now,
        // Again at the write: an approval, an ending or another dispute a moment before wins.
        refuse: milestoneDisputeRefusal,
      }),
    (saved) => saved.ok,
  )
  if (!opened.ok) return opened
  if (!opened.saved.ok) return { ok: false, reason: 'conflict', message: opened.saved.refusal }
  const { dispute } = opened.saved
  const link = `/disputes/${dispute.id}`
  await notify({
    userId: otherParty(contract, actor.id),
    kind: 'dispute_update',
    title: `${actor.name} opened a dispute on “${contract.title}”`,
    body: `About milestone “${milestone.title}”. Give your side with your evidence by ${formatDate(disputeResponseDueAt(dispute.createdAt))} (${DISPUTE_RESPONSE_DAYS} days); after that an admin decides on the claim alone.`,
    link,
  })
  for (const admin of await listUsersByRole('admin')) {
    await notify({
      userId: admin.id,
      kind: 'dispute_update',
      title: `New dispute to decide on “${contract.title}”`,
      link,
    })
  }
  return { ok: true, dispute }
}

/** The other side answers, once; refused before the response file is stored, which is removed again if the answer is not saved. */
export async function respondToDispute(
  actor: Actor,
  found: FoundDispute,
  input: { response: string; file: File | null },
  now = new Date(),
): Promise<DisputeOutcome> {
  const { dispute, contract } = found
  if (actor.id === dispute.openedBy || !isParty(contract, actor.id)) {
    return { ok: false, reason: 'conflict', message: 'Only the other side of the dispute can respond.' }
  }
  if (!fromStates(DISPUTE_MACHINE, 'respond').includes(dispute.status))
    return { ok: false, reason: 'conflict', message: 'This dispute already has a response or a decision.' }
  const responded = await saveWithEvidence(actor.id, input.file, (responseUploadId) =>
    saveDisputeResponse({
      dispute,
      response: input.response,
      responseUploadId,
      line: {
        actorId: actor.id,
        kind: 'dispute.responded',
        detail: `${actor.name} responded to the dispute about ${subject(found)}.`,
      },
      at: now,
    }),
  )
  if (!responded.ok) return responded
  if (!responded.saved)
    return { ok: false, reason: 'conflict', message: 'This dispute already has a response or a decision.' }
  await notify({
    userId: dispute.openedBy,
    kind: 'dispute_update',
    title: `${actor.name} responded to your dispute on “${contract.title}”`,
    body: 'An admin will now decide.',
    link: `/disputes/${dispute.id}`,
  })
  // The case is complete: the admins who were told of it when it opened learn it is ready to decide.
  for (const admin of await listUsersByRole('admin')) {
    await notify({
      userId: admin.id,
      kind: 'dispute_update',
      title: `Both sides are in: the dispute on “${contract.title}” is ready to decide`,
      link: `/disputes/${dispute.id}`,
    })
  }
  return { ok: true }
}

export async function decideDispute(
  admin: Actor,
  found: FoundDispute,
  input: { decision: DisputeDecision; freelancerShareMinor: number | null; reason: string },
  resolveMilestone: MilestoneDisputeResolver | null,
  now = new Date(),
): Promise<DisputeOutcome> {
  const { dispute, contract } = found
  const amount = disputedAmount(found)
  const shares = disputeSharesFor(input.decision, amount, input.freelancerShareMinor)
  if (typeof shares === 'string') return { ok: false, reason: 'invalid', message: shares }
  if (found.milestone && !resolveMilestone) {
    return {
      ok: false,
      reason: 'conflict',
      message: 'Milestone disputes are settled through escrow, which is not available here.',
    }
  }
  const money = (minor: number) => formatMoney(minor, contract.currency)
  const outcome = found.invoice
    ? invoiceOutcome(input.decision, money(shares.toFreelancerMinor), money(amount))
    : input.decision === 'split'
      ? `${money(shares.toFreelancerMinor)} to the freelancer, ${money(shares.toClientMinor)} back to the client`
      : input.decision === 'release'
        ? `${money(amount)} released to the freelancer`
        : `${money(amount)} refunded to the client`
  const saved = await saveDisputeDecision({
    dispute,
    decision: input.decision,
    freelancerShareMinor: input.decision === 'split' ? shares.toFreelancerMinor : null,
    reason: input.reason,
    adminId: admin.id,
    line: {
      actorId: admin.id,
      kind: 'dispute.decided',
      detail: `An admin decided the dispute about ${subject(found)}: ${outcome}. Reason: ${input.reason}`,
    },
    at: now,
    moveMoney: () => {
      if (found.milestone && resolveMilestone)
        resolveMilestone({ contract, milestone: found.milestone, shares, disputeId: dispute.id })
      else if (found.invoice) {
        const owedMinor = shares.toFreelancerMinor
        const action = owedMinor > 0 ? 'decide_payable' : 'decide_nothing'
        resolveInvoiceDispute({
          invoiceId: found.invoice.id,
          owedMinor,
          to: toState(INVOICE_MACHINE, action),
          from: fromStates(INVOICE_MACHINE, action),
          at: now,
        })
      }
    },
  })
  if (!saved) return { ok: false, reason: 'conflict', message: 'This dispute is already decided.' }
  // What is owed is charged now, through the ledger like any approved invoice (declines retry).
  if (found.invoice && shares.toFreelancerMinor > 0) await chargeInvoice(found.invoice.id, now)
  const paid = found.milestone ? await milestonePayment(found) : null
  // What reached the freelancer after the fee, as the ledger moved it: "$300 to the freelancer" is not what they get.
  const feeLine =
    paid && paid.toFreelancerMinor > 0
      ? ` The freelancer receives ${money(paid.toFreelancerMinor)} after MegiLance’s ${money(paid.feeMinor)} fee.`
      : ''
  for (const userId of [contract.clientId, contract.freelancerId]) {
    await notify({
      userId,
      kind: 'dispute_update',
      title: `Dispute decided on “${contract.title}”: ${DECISION_LABELS[input.decision].toLowerCase()}`,
      body: `${outcome}.${feeLine} Reason: ${input.reason}`,
      link: `/disputes/${dispute.id}`,
    })
  }
  return { ok: true }
}

/** An invoice dispute decides what the client pays (nothing was charged yet). */
function invoiceOutcome(decision: DisputeDecision, owed: string, invoiced: string): string {
  if (decision === 'release') return `the client pays the whole ${invoiced}`
  if (decision === 'refund') return `the client pays nothing of ${invoiced}`
  return `the client pays ${owed} of ${invoiced}`
}

/** How a decided milestone dispute's escrow moved, read from its ledger entries (fee included). */
async function milestonePayment(found: FoundDispute) {
  if (!found.milestone) return null
  const releases = await listMilestoneReleases(found.contract)
  return releases.find((release) => release.milestoneId === found.milestone?.id) ?? null
}

/** What the dispute page shows, with names, files and, once decided, the money as it moved. */
export async function loadDisputeView(found: FoundDispute, now = new Date()) {
  const { dispute, contract } = found
  const [opener, responder, files, payment] = await Promise.all([
    findUserById(dispute.openedBy),
    findUserById(otherParty(contract, dispute.openedBy)),
    listUploads([dispute.evidenceUploadId, dispute.responseUploadId].filter((id): id is string => id !== null)),
    dispute.decidedAt ? milestonePayment(found) : null,
  ])
  const file = (id: string | null) => {
    const upload = files.find((candidate) => candidate.id === id)
    return upload ? { id: upload.id, name: upload.originalName } : null
  }
  return {
    id: dispute.id,
    status: dispute.status,
    subject: subject(found).replace(/^./, (first) => first.toUpperCase()),
    aboutInvoice: found.invoice !== null,
    amountMinor: disputedAmount(found),
    currency: contract.currency,
    openedByName: opener?.name ?? 'Someone',
    respondentName: responder?.name ?? 'The other side',
    reason: dispute.reason,
    evidence: dispute.evidence,
    evidenceFile: file(dispute.evidenceUploadId),
    response: dispute.response,
    responseFile: file(dispute.responseUploadId),
    respondedAt: dispute.respondedAt?.toISOString() ?? null,
    responseDueAt: disputeResponseDueAt(dispute.createdAt).toISOString(),
    responseOverdue: dispute.status === 'open' && disputeResponseDueAt(dispute.createdAt) <= now,
    payment,
    decisionLabel: dispute.decision ? DECISION_LABELS[dispute.decision] : null,
    freelancerShareMinor: dispute.freelancerShareMinor,
    decisionReason: dispute.decisionReason,
    decidedAt: dispute.decidedAt?.toISOString() ?? null,
    createdAt: dispute.createdAt.toISOString(),
  }
}

import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { DISPUTE_MACHINE, RUNNING_DISPUTE_STATES } from '~/domain/dispute-machine'
import { fromStates, toState } from '~/domain/state-machine'
import { getDb } from './db.server'
import type { InvoiceStatus } from '../domain/enums'
import { contractActivity, contracts, disputes, invoices, milestones } from './schema'
import { findRow, listRows, userName } from './query-helpers.server'
import type { Contract, Milestone } from './contracts.server'

export type Dispute = typeof disputes.$inferSelect

export async function findDispute(id: string) {
  return getDb()
    .select({ dispute: disputes, contract: contracts, milestone: milestones, invoice: invoices })
    .from(disputes)
    .innerJoin(contracts, eq(contracts.id, disputes.contractId))
    .leftJoin(milestones, eq(milestones.id, disputes.milestoneId))
    .leftJoin(invoices, eq(invoices.id, disputes.invoiceId))
    .where(eq(disputes.id, id))
    .get()
}

/** The dispute still running on a milestone, if any (one at a time). */
export async function findOpenDisputeOfMilestone(milestoneId: string): Promise<Dispute | undefined> {
  return findRow(
    disputes,
    and(eq(disputes.milestoneId, milestoneId), inArray(disputes.status, [...RUNNING_DISPUTE_STATES])),
  )
}

export async function listDisputesOfContract(contractId: string): Promise<Dispute[]> {
  return listRows(disputes, eq(disputes.contractId, contractId), desc(disputes.createdAt))
}

export async function listDisputesForAdmin(filter: 'waiting' | 'decided') {
  const statuses = filter === 'waiting' ? RUNNING_DISPUTE_STATES : [toState(DISPUTE_MACHINE, 'decide')]
  return getDb()
    .select({
      id: disputes.id,
      status: disputes.status,
      reason: disputes.reason,
      createdAt: disputes.createdAt,
      decidedAt: disputes.decidedAt,
      contractId: contracts.id,
      contractTitle: contracts.title,
      amountMinor: disputes.amountMinor,
      currency: contracts.currency,
      openedByName: userName(disputes.openedBy),
      milestoneId: disputes.milestoneId,
      invoiceId: disputes.invoiceId,
    })
    .from(disputes)
    .innerJoin(contracts, eq(contracts.id, disputes.contractId))
    .where(inArray(disputes.status, [...statuses]))
    .orderBy(filter === 'waiting' ? asc(disputes.createdAt) : desc(disputes.decidedAt))
    .limit(200)
    .all()
}

type ActivityLine = { actorId: string | null; kind: string; detail: string }

function activity(contractId: string, line: ActivityLine, at: Date, milestoneId: string | null = null) {
  return { id: crypto.randomUUID(), contractId, milestoneId, ...line, createdAt: at }
}

/** What decides whether a milestone dispute may open, read inside the transaction that opens it. */
export type DisputeOpening = { contract: Contract; milestone: Milestone; running: boolean }

/**
 * Opens a milestone dispute in one transaction, after `refuse` looked at the contract, the
 * milestone and any running dispute as they are at the write (an approval or an ending a moment
 * before wins, and says why).
 */
export async function insertMilestoneDispute(input: {
  contractId: string
  milestoneId: string
  amountMinor: number
  openedBy: string
  reason: string
  evidence: string
  evidenceUploadId: string | null
  line: ActivityLine
  at: Date
  refuse: (state: DisputeOpening) => string | null
}): Promise<{ ok: true; dispute: Dispute } | { ok: false; refusal: string }> {
  const { line, at, refuse, ...row } = input
  return getDb().transaction((tx) => {
    const contract = tx.select().from(contracts).where(eq(contracts.id, row.contractId)).get()
    const milestone = tx
      .select()
      .from(milestones)
      .where(and(eq(milestones.id, row.milestoneId), eq(milestones.contractId, row.contractId)))
      .get()
    if (!contract || !milestone) return { ok: false as const, refusal: 'This milestone no longer exists.' }
    const running = tx
      .select({ id: disputes.id })
      .from(disputes)
      .where(and(eq(disputes.milestoneId, row.milestoneId), inArray(disputes.status, [...RUNNING_DISPUTE_STATES])))
      .get()
    const refusal = refuse({ contract, milestone, running: running !== undefined })
    if (refusal) return { ok: false as const, refusal }
    const dispute = tx
      .insert(disputes)
      .values({ id: crypto.randomUUID(), ...row, createdAt: at, updatedAt: at })
      .returning()
      .get()
    tx.insert(contractActivity)
      .values(activity(row.contractId, line, at, row.milestoneId))
      .run()
    return { ok: true as const, dispute }
  })
}

export async function saveDisputeResponse(input: {
  dispute: Dispute
  response: string
  responseUploadId: string | null
  line: ActivityLine
  at: Date
}): Promise<boolean> {
  return moveDispute(input, 'respond', {
    status: 'responded',
    response: input.response,
    responseUploadId: input.responseUploadId,
    respondedAt: input.at,
  })
}

/**
 * Records an admin's decision. `moveMoney` moves the money and runs inside the same transaction, so
 * the decision and the money either both happen or neither does. False when already decided.
 */
export async function saveDisputeDecision(input: {
  dispute: Dispute
  decision: 'release' | 'refund' | 'split'
  freelancerShareMinor: number | null
  reason: string
  adminId: string
  line: ActivityLine
  at: Date
  moveMoney: () => void
}): Promise<boolean> {
  return moveDispute(
    input,
    'decide',
    {
      status: 'decided',
      decision: input.decision,
      freelancerShareMinor: input.freelancerShareMinor,
      decisionReason: input.reason,
      decidedBy: input.adminId,
      decidedAt: input.at,
    },
    input.moveMoney,
  )
}

/**
 * One move of the dispute machine in a transaction: the update guarded by the move's `from` states,
 * then `alsoInside` and the activity line. False when the dispute had already moved on.
 */
function moveDispute(
  { dispute, line, at }: { dispute: Dispute; line: ActivityLine; at: Date },
  move: 'respond' | 'decide',
  values: Partial<typeof disputes.$inferInsert>,
  alsoInside: () => void = () => {},
): boolean {
  return getDb().transaction((tx) => {
    const changes = tx
      .update(disputes)
      .set({ ...values, updatedAt: at })
      .where(and(eq(disputes.id, dispute.id), inArray(disputes.status, fromStates(DISPUTE_MACHINE, move))))
      .run().changes
    if (!changes) return false
    alsoInside()
    tx.insert(contractActivity)
      .values(activity(dispute.contractId, line, at, dispute.milestoneId))
      .run()
    return true
  })
}

/**
 * Invoice disputes moveMoney on the invoice: what the client owes after the decision becomes its
 * payable amount (charged right after), or it is void. Throws, undoing the decision, when the
 * invoice is not in one of `from` any more.
 */
export function resolveInvoiceDispute(input: {
  invoiceId: string
  owedMinor: number
  to: 'approved' | 'void'
  from: InvoiceStatus[]
  at: Date
}): void {
  const { at } = input
  const changes = getDb()
    .update(invoices)
    .set(
      input.to === 'approved'
        ? { status: 'approved', payableMinor: input.owedMinor, approvedAt: at, updatedAt: at }
        : { status: 'void', payableMinor: 0, updatedAt: at },
    )
    .where(and(eq(invoices.id, input.invoiceId), inArray(invoices.status, input.from)))
    .run().changes
  if (!changes) throw new Error(`Invoice ${input.invoiceId} is no longer disputed; the decision cannot moveMoney it.`)
}

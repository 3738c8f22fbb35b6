import crypto from 'node:crypto'
import { and, asc, desc, eq, exists, inArray, isNotNull, lte, notExists, sql } from 'drizzle-orm'
import { RUNNING_DISPUTE_STATES } from '~/domain/dispute-machine'
import { MILESTONE_MACHINE } from '~/domain/milestone-machine'
import { fromStates } from '~/domain/state-machine'
import { getDb } from './db.server'
import type { MilestoneStatus } from '../domain/enums'
import { writeLedgerTransaction, type LedgerPosting } from './ledger.server'
import { contractActivity, contracts, disputes, milestones } from './schema'
import { findRow, listColumn, listRows, userName } from './query-helpers.server'

export type Contract = typeof contracts.$inferSelect
export type Milestone = typeof milestones.$inferSelect
/** One line of a contract's activity log; actor null means the system did it. */
export type ActivityLine = { actorId: string | null; kind: string; detail: string; milestoneId?: string | null }

export async function findContract(contractId: string): Promise<Contract | undefined> {
  return findRow(contracts, eq(contracts.id, contractId))
}

function insertActivity(contractId: string, line: ActivityLine, at: Date): void {
  getDb()
    .insert(contractActivity)
    .values({
      id: crypto.randomUUID(),
      contractId,
      actorId: line.actorId,
      kind: line.kind,
      detail: line.detail,
      milestoneId: line.milestoneId ?? null,
      createdAt: at,
    })
    .run()
}

export async function insertContractActivityLine(line: ActivityLine & { contractId: string; at: Date }): Promise<void> {
  insertActivity(line.contractId, line, line.at)
}

export async function listContractActivity(contractId: string) {
  return getDb()
    .select({
      id: contractActivity.id,
      kind: contractActivity.kind,
      detail: contractActivity.detail,
      createdAt: contractActivity.createdAt,
      actorName: userName(contractActivity.actorId),
    })
    .from(contractActivity)
    .where(eq(contractActivity.contractId, contractId))
    .orderBy(desc(contractActivity.createdAt), desc(sql`"contract_activity"."rowid"`))
    .all()
}

/** A user's contracts (either side), active first, newest first, with both parties' names. */
export async function listContractsOf(userId: string) {
  return getDb()
    .select({
      id: contracts.id,
      title: contracts.title,
      type: contracts.type,
      status: contracts.status,
      currency: contracts.currency,
      clientId: contracts.clientId,
      freelancerId: contracts.freelancerId,
      clientName: userName(contracts.clientId),
      freelancerName: userName(contracts.freelancerId),
      createdAt: contracts.createdAt,
      endedAt: contracts.endedAt,
    })
    .from(contracts)
    .where(sql`${contracts.clientId} = ${userId} or ${contracts.freelancerId} = ${userId}`)
    .orderBy(asc(contracts.status), desc(contracts.createdAt))
    .all()
}

export async function listMilestones(contractId: string): Promise<Milestone[]> {
  return listRows(milestones, eq(milestones.contractId, contractId), asc(milestones.position))
}

export async function findMilestone(contractId: string, milestoneId: string): Promise<Milestone | undefined> {
  return findRow(milestones, and(eq(milestones.id, milestoneId), eq(milestones.contractId, contractId)))
}

/** Milestones of the contract with a dispute still waiting for an admin. */
export async function listDisputedMilestoneIds(contractId: string): Promise<Set<string>> {
  const ids = listColumn(
    disputes.milestoneId,
    and(
      eq(disputes.contractId, contractId),
      inArray(disputes.status, [...RUNNING_DISPUTE_STATES]),
      isNotNull(disputes.milestoneId),
    ),
  )
  return new Set(ids as string[])
}

function runningDisputeOf(contractId: string): boolean {
  const row = getDb()
    .select({ id: disputes.id })
    .from(disputes)
    .where(and(eq(disputes.contractId, contractId), inArray(disputes.status, [...RUNNING_DISPUTE_STATES])))
    .get()
  return row !== undefined
}

export async function insertMilestone(input: {
  contractId: string
  title: string
  amountMinor: number
  dueDate: Date | null
  line: ActivityLine
  at: Date
}) {
  const db = getDb()
  return db.transaction(() => {
    const last = db
      .select({ position: sql<number>`coalesce(max(${milestones.position}), 0)` })
      .from(milestones)
      .where(eq(milestones.contractId, input.contractId))
      .get()
    const id = crypto.randomUUID()
    db.insert(milestones)
      .values({
        id,
        contractId: input.contractId,
        position: Number(last?.position ?? 0) + 1,
        title: input.title,
        amountMinor: input.amountMinor,
        dueDate: input.dueDate,
        createdAt: input.at,
        updatedAt: input.at,
      })
      .run()
    insertActivity(input.contractId, { ...input.line, milestoneId: id }, input.at)
    return id
  })
}

/**
 * Moves a milestone from one of `from` to a new state, with its money movement and log lines, in
 * one transaction. Compare-and-set on the status makes a repeated or concurrent request a no-op:
 * false when the milestone was no longer in `from` (nothing written).
 */
export function changeMilestone(input: {
  milestone: Pick<Milestone, 'id' | 'contractId'>
  from: readonly MilestoneStatus[]
  set: Partial<Omit<Milestone, 'id' | 'contractId'>> & { status: MilestoneStatus }
  lines: ActivityLine[]
  ledger?: LedgerPosting[]
  at: Date
  alongside?: () => void
  /** Only while the contract is active, checked in the same statement (funding: never escrow of an ended contract). */
  whileContractActive?: boolean
  /** Only while no dispute about the milestone is running, checked in the same statement (approval: never release disputed money). */
  whileUndisputed?: boolean
}): boolean {
  const db = getDb()
  const contractActive = exists(
    db
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(eq(contracts.id, milestones.contractId), eq(contracts.status, 'active'))),
  )
  const undisputed = notExists(
    db
      .select({ id: disputes.id })
      .from(disputes)
      .where(and(eq(disputes.milestoneId, milestones.id), inArray(disputes.status, [...RUNNING_DISPUTE_STATES]))),
  )
  return db.transaction(() => {
    const changed = db
      .update(milestones)
      .set({ ...input.set, updatedAt: input.at })
      .where(
        and(
          eq(milestones.id, input.milestone.id),
          inArray(milestones.status, [...input.from]),
          input.whileContractActive ? contractActive : undefined,
          input.whileUndisputed ? undisputed : undefined,
        ),
      )
      .run().changes
    if (!changed) return false
    for (const posting of input.ledger ?? []) writeLedgerTransaction(posting)
    for (const line of input.lines)
      insertActivity(input.milestone.contractId, { ...line, milestoneId: input.milestone.id }, input.at)
    input.alongside?.()
    return true
  })
}

/** Whether the contract is active now; synchronous so it reads inside the caller's transaction. */
export function isContractActiveSync(contractId: string): boolean {
  return (
    getDb().select({ status: contracts.status }).from(contracts).where(eq(contracts.id, contractId)).get()?.status ===
    'active'
  )
}

/** A refusal decided inside a transaction: thrown to undo what the transaction wrote so far. */
class Refused extends Error {
  constructor(readonly refusal: string) {
    super(refusal)
  }
}

/** What the contract holds, read inside the transaction that ends it. */
export type ContractAtEnd = { milestones: Milestone[]; disputeOpen: boolean }

/**
 * Ends an active contract in one transaction: the conditional update first (so the transaction
 * holds the write lock and nobody changes a milestone meanwhile), then `refuse` looks at the
 * milestones and disputes as they are now (a message undoes everything), then `alongside` runs
 * (refunds). `ended: false` with no refusal when the contract had already ended.
 */
export function endContractRow(input: {
  contract: Contract
  endedBy: string
  reason: string
  line: ActivityLine
  at: Date
  refuse?: (state: ContractAtEnd) => string | null
  alongside: (state: ContractAtEnd) => void
}): { ended: true } | { ended: false; refusal: string | null } {
  const db = getDb()
  try {
    return db.transaction(() => {
      const changed = db
        .update(contracts)
        .set({
          status: 'ended',
          endedAt: input.at,
          endedBy: input.endedBy,
          endReason: input.reason,
          updatedAt: input.at,
        })
        .where(and(eq(contracts.id, input.contract.id), eq(contracts.status, 'active')))
        .run().changes
      if (!changed) return { ended: false as const, refusal: null }
      const state: ContractAtEnd = {
        milestones: listRows(milestones, eq(milestones.contractId, input.contract.id), asc(milestones.position)),
        disputeOpen: runningDisputeOf(input.contract.id),
      }
      const refusal = input.refuse?.(state)
      if (refusal) throw new Refused(refusal)
      input.alongside(state)
      insertActivity(input.contract.id, input.line, input.at)
      return { ended: true as const }
    })
  } catch (error) {
    if (error instanceof Refused) return { ended: false, refusal: error.refusal }
    throw error
  }
}

/** Submitted milestones whose 14 days are over, on active contracts, with no dispute running. */
export async function listMilestonesDueForAutoApproval(submittedBefore: Date) {
  return getDb()
    .select({ milestone: milestones, contract: contracts })
    .from(milestones)
    .innerJoin(contracts, eq(contracts.id, milestones.contractId))
    .where(
      and(
        inArray(milestones.status, fromStates(MILESTONE_MACHINE, 'auto_approve')),
        lte(milestones.submittedAt, submittedBefore),
        eq(contracts.status, 'active'),
        notExists(
          getDb()
            .select({ id: disputes.id })
            .from(disputes)
            .where(and(eq(disputes.milestoneId, milestones.id), inArray(disputes.status, [...RUNNING_DISPUTE_STATES]))),
        ),
      ),
    )
    .all()
}

export async function getMilestoneContractId(milestoneId: string): Promise<string | undefined> {
  return getDb()
    .select({ contractId: milestones.contractId })
    .from(milestones)
    .where(eq(milestones.id, milestoneId))
    .get()?.contractId
}

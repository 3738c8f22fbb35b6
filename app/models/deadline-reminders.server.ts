import { getDb } from './db.server'
import { paidEnoughSql, type PaidMinimums } from './contract-paid.server'
import { deadlineReminders } from './schema'

export type DeadlineReminderKind = (typeof deadlineReminders.$inferInsert)['kind']

/**
 * Records that a reminder goes to a person; true only for the first caller. Claimed before it is
 * sent: a second run (or server) sends nothing, and a crash between claim and send loses that
 * reminder rather than sending it twice.
 */
export async function claimDeadlineReminder(
  kind: DeadlineReminderKind,
  subjectId: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  return (
    getDb().insert(deadlineReminders).values({ kind, subjectId, userId, createdAt: now }).onConflictDoNothing().run()
      .changes > 0
  )
}

export type DisputeAwaitingResponse = {
  id: string
  contractId: string
  contractTitle: string
  /** Who must respond: the side that did not open it. */
  responderId: string
  openedAt: Date
}

/** Disputes still waiting for their response that were opened between `from` and `to`. */
export async function listDisputesAwaitingResponse(from: Date, to: Date): Promise<DisputeAwaitingResponse[]> {
  const rows = getDb()
    .$client.prepare(
      `select d.id, d.contract_id as contractId, c.title as contractTitle, d.created_at as openedAt,
              case when d.opened_by = c.client_id then c.freelancer_id else c.client_id end as responderId
         from disputes d join contracts c on c.id = d.contract_id
        where d.status = 'open' and d.created_at > ? and d.created_at <= ?`,
    )
    .all(from.getTime(), to.getTime()) as (Omit<DisputeAwaitingResponse, 'openedAt'> & { openedAt: number })[]
  return rows.map((row) => ({ ...row, openedAt: new Date(row.openedAt) }))
}

export type ReviewableEndedContract = {
  id: string
  title: string
  endedAt: Date
  /** The sides (client, freelancer) that have not reviewed yet. */
  unreviewed: string[]
}

/**
 * Contracts that ended between `from` and `to`, paid enough for work to have reviews
 * (`paidMinimums`), with the sides that have not reviewed them yet.
 */
export async function listEndedContractsAwaitingReviews(
  from: Date,
  to: Date,
  paidMinimums: PaidMinimums,
): Promise<ReviewableEndedContract[]> {
  const rows = getDb()
    .$client.prepare(
      `select c.id, c.title, c.ended_at as endedAt, c.client_id as clientId, c.freelancer_id as freelancerId,
              (select group_concat(r.reviewer_id, ' ') from reviews r where r.contract_id = c.id) as reviewers
         from contracts c
        where c.status = 'ended' and c.ended_at > ? and c.ended_at <= ? and ${paidEnoughSql('c')}`,
    )
    .all(from.getTime(), to.getTime(), JSON.stringify(paidMinimums)) as {
    id: string
    title: string
    endedAt: number
    clientId: string
    freelancerId: string
    reviewers: string | null
  }[]
  return rows.map((row) => {
    const reviewed = new Set(row.reviewers?.split(' ') ?? [])
    return {
      id: row.id,
      title: row.title,
      endedAt: new Date(row.endedAt),
      unreviewed: [row.clientId, row.freelancerId].filter((id) => !reviewed.has(id)),
    }
  })
}

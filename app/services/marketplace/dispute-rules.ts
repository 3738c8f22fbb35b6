import { DAY_MS } from '~/domain/durations'
import type { DisputeDecision } from '~/domain/enums'

/** The largest evidence or response file a side may attach. */
export const MAX_DISPUTE_FILE_BYTES = 10_000_000

/**
 * How long the other side has to give their response. Past it an admin decides on what is there,
 * so one side staying silent cannot hold the money in escrow for ever.
 */
export const DISPUTE_RESPONSE_DAYS = 7

/** When the response is due, for a dispute opened at `openedAt`. */
export function disputeResponseDueAt(openedAt: Date): Date {
  return new Date(openedAt.getTime() + DISPUTE_RESPONSE_DAYS * DAY_MS)
}

export const DECISION_LABELS: Record<DisputeDecision, string> = {
  release: 'Release to the freelancer',
  refund: 'Refund the client',
  split: 'Split between them',
}

export type DisputeShares = { toFreelancerMinor: number; toClientMinor: number }

/**
 * How a decision divides the disputed amount. A split must give each side something; release
 * and refund give everything to one side. The freelancer's part pays the usual platform fee later.
 */
export function disputeSharesFor(
  decision: DisputeDecision,
  amountMinor: number,
  freelancerShareMinor: number | null,
): DisputeShares | string {
  if (decision === 'release') return { toFreelancerMinor: amountMinor, toClientMinor: 0 }
  if (decision === 'refund') return { toFreelancerMinor: 0, toClientMinor: amountMinor }
  if (freelancerShareMinor === null || !Number.isInteger(freelancerShareMinor))
    return 'Enter the freelancer’s share of a split.'
  if (freelancerShareMinor <= 0 || freelancerShareMinor >= amountMinor) {
    return 'A split gives each side part of the amount: the freelancer’s share must be more than 0 and less than the whole.'
  }
  return { toFreelancerMinor: freelancerShareMinor, toClientMinor: amountMinor - freelancerShareMinor }
}

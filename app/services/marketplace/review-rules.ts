import type { ContractStatus, ReviewDirection } from '~/domain/enums'
import { REVIEW_WINDOW_DAYS } from '~/models/reviews.server'
import { DAY_MS } from '~/domain/durations'
import { formatMoney } from '~/utils/format'

export type ReviewSide = 'client' | 'freelancer'

export type ReviewableContract = {
  clientId: string
  freelancerId: string
  status: ContractStatus
  endedAt: Date | null
  /** What the contract paid for work, and the least that opens reviews, in its currency's minor units. */
  paid: { minor: number; minimumMinor: number; currency: string }
}

/** Which side of the contract the user is on, or null for anyone else. */
export function sideOf(
  contract: Pick<ReviewableContract, 'clientId' | 'freelancerId'>,
  userId: string,
): ReviewSide | null {
  if (userId === contract.clientId) return 'client'
  if (userId === contract.freelancerId) return 'freelancer'
  return null
}

export function directionFor(side: ReviewSide): ReviewDirection {
  return side === 'client' ? 'client_to_freelancer' : 'freelancer_to_client'
}

/** When the window to review closes, or null while the contract has not ended. */
export function reviewWindowClosesAt(contract: Pick<ReviewableContract, 'status' | 'endedAt'>): Date | null {
  if (contract.status !== 'ended' || !contract.endedAt) return null
  return new Date(contract.endedAt.getTime() + REVIEW_WINDOW_DAYS * DAY_MS)
}

export type ReviewWindow = 'not_ended' | 'open' | 'closed'

export function reviewWindow(contract: Pick<ReviewableContract, 'status' | 'endedAt'>, now: Date): ReviewWindow {
  const closesAt = reviewWindowClosesAt(contract)
  if (!closesAt) return 'not_ended'
  return now.getTime() < closesAt.getTime() ? 'open' : 'closed'
}

export function paidEnoughToReview(paid: ReviewableContract['paid']): boolean {
  return paid.minor >= paid.minimumMinor
}

/**
 * Whether this party may write their review now: once, after a contract that paid for work ended,
 * within the window. The refusal says why (the route answers 409 with it).
 */
export function checkCanReview(
  contract: ReviewableContract,
  alreadyReviewed: boolean,
  now: Date,
): { ok: true } | { ok: false; message: string } {
  const window = reviewWindow(contract, now)
  if (window === 'not_ended') {
    return { ok: false, message: 'Reviews open when the contract ends; until then you can only work on it.' }
  }
  // A contract that paid nothing costs nothing to set up: a second account could hire you, end at
  // once and rate you 5 stars. Reviews, and the ratings in the published rank, are for paid work.
  const { paid } = contract
  if (!paidEnoughToReview(paid)) {
    const minimum = formatMoney(paid.minimumMinor, paid.currency)
    return {
      ok: false,
      message: paid.minor
        ? `Only ${formatMoney(paid.minor, paid.currency)} was paid on this contract; reviews need at least ${minimum} of work paid through MegiLance, so neither side can review it.`
        : `Nothing was paid on this contract, so neither side can review it: reviews need at least ${minimum} of work paid through MegiLance.`,
    }
  }
  if (alreadyReviewed) {
    return {
      ok: false,
      message: 'You have already reviewed this contract; a review cannot be written twice or changed.',
    }
  }
  if (window === 'closed') {
    return {
      ok: false,
      message: `The ${REVIEW_WINDOW_DAYS}-day review window for this contract has closed; reviews can no longer be written.`,
    }
  }
  return { ok: true }
}

/**
 * The double-blind rule for one review: it shows once both sides have reviewed or the window has
 * closed. (The database applies the same rule with `reviewVisibleSql`; this is the same rule in
 * words, for the page that explains it.)
 */
export function isReviewVisible(bothReviewed: boolean, window: ReviewWindow): boolean {
  return bothReviewed || window === 'closed'
}

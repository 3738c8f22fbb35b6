import { DAY_MS } from '~/domain/durations'
import {
  claimDeadlineReminder,
  listDisputesAwaitingResponse,
  listEndedContractsAwaitingReviews,
} from '~/models/deadline-reminders.server'
import { endedContractCurrencies } from '~/models/contract-paid.server'
import { REVIEW_WINDOW_DAYS } from '~/models/reviews.server'
import { DISPUTE_RESPONSE_DAYS, disputeResponseDueAt } from '~/services/marketplace/dispute-rules'
import { reviewWindowClosesAt } from '~/services/marketplace/review-rules'
import { paidMinimumsIn } from '~/services/marketplace/freelancer-records.server'
import { formatDateTime } from '~/utils/format'
import { notify } from './notify.server'

/** How long before a dispute's response window ends its responder is reminded. */
const DISPUTE_REMINDER_DAYS = 2
/** How long before a contract's review window closes each side that has not reviewed is reminded. */
const REVIEW_REMINDER_DAYS = 3

/**
 * Reminds (in the app, and by email unless they turned that kind off) the side that must answer a
 * dispute 2 days before its DISPUTE_RESPONSE_DAYS end, and each side of an ended contract that has
 * not reviewed it 3 days before the review window closes. Each reminder is claimed before it is
 * sent, so it goes to each person once however often the job runs and on however many servers.
 */
export async function runDeadlineReminders(now = new Date()): Promise<{ disputes: number; reviews: number }> {
  const t = now.getTime()
  let disputes = 0
  // Opened so that the response is due within the next 2 days (and not yet past).
  const responseWindow = DISPUTE_RESPONSE_DAYS * DAY_MS
  for (const dispute of await listDisputesAwaitingResponse(
    new Date(t - responseWindow),
    new Date(t - responseWindow + DISPUTE_REMINDER_DAYS * DAY_MS),
  )) {
    if (!(await claimDeadlineReminder('dispute_response', dispute.id, dispute.responderId, now))) continue
    await notify({
      userId: dispute.responderId,
      kind: 'dispute_update',
      title: `Respond to the dispute on “${dispute.contractTitle}” by ${formatDateTime(disputeResponseDueAt(dispute.openedAt))}`,
      body: `Your ${DISPUTE_RESPONSE_DAYS} days to respond end then; after that an administrator decides on what is there, without your side.`,
      link: `/disputes/${dispute.id}`,
    })
    disputes++
  }

  let reviews = 0
  const reviewWindow = REVIEW_WINDOW_DAYS * DAY_MS
  const from = new Date(t - reviewWindow)
  const to = new Date(t - reviewWindow + REVIEW_REMINDER_DAYS * DAY_MS)
  // Only contracts that paid enough for work have reviews to remind of.
  const minimums = await paidMinimumsIn(await endedContractCurrencies(null), now)
  for (const contract of await listEndedContractsAwaitingReviews(from, to, minimums)) {
    const closesAt = reviewWindowClosesAt({ status: 'ended', endedAt: contract.endedAt })!
    for (const userId of contract.unreviewed) {
      if (!(await claimDeadlineReminder('review_window', contract.id, userId, now))) continue
      await notify({
        userId,
        kind: 'review_reminder',
        title: `Review “${contract.title}” by ${formatDateTime(closesAt)}`,
        body: `The ${REVIEW_WINDOW_DAYS}-day review window closes then; after it nobody can review this contract, and reviews already written show.`,
        link: `/contracts/${contract.id}/review`,
      })
      reviews++
    }
  }
  return { disputes, reviews }
}

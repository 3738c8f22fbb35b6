import { highestOpenFraudScoreOf } from '~/models/fraud-alerts.server'
import { FRAUD_CONFIG } from './fraud-config'

/**
 * What the person sees on a payout held because of open fraud alerts: that it is under review and
 * how to reach support, never what a detector saw.
 */
export const FRAUD_HOLD_REASON =
  'Under review: we check some payouts by hand before sending them. This usually takes a working day; for questions, contact support at /help/contact.'

/** Whether this account's open alerts reach the score at which its payouts wait for an admin. */
export async function payoutsHeldForReview(userId: string): Promise<boolean> {
  return (await highestOpenFraudScoreOf(userId)) >= FRAUD_CONFIG.holdPayoutsAtScore
}

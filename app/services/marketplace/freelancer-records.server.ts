/**
 * Freelancers' records with the job-success rule applied: an ended contract counts as paid once it
 * paid at least the reviews' US$5 (REVIEW_MINIMUM_PAID_USD) for work, in its currency at the day's
 * rate. Ten contracts paying a cent each lift nothing; each one costs a self-dealer the platform fee
 * on US$5 at least.
 */
import { endedContractCurrencies, type PaidMinimums } from '~/models/contract-paid.server'
import { freelancerRecordsOf as recordsOf } from '~/models/freelancer-records.server'
import { listRecordEvents } from '~/models/model-training.server'
import { freelancerRecordOf as recordOf } from '~/models/rank.server'
import type { FreelancerRecord } from '~/domain/freelancer-facts'
import { dollarsInMinor } from '~/services/payments/rates/dollar-amounts.server'
import { REVIEW_MINIMUM_PAID_USD } from '~/domain/paid-work'

/** The paid minimum in each of these currencies at the day's rate. */
export async function paidMinimumsIn(currencies: string[], now = new Date()): Promise<PaidMinimums> {
  const minimums = await Promise.all(
    currencies.map(async (currency) => [currency, await dollarsInMinor(REVIEW_MINIMUM_PAID_USD, currency, now)]),
  )
  return Object.fromEntries(minimums) as PaidMinimums
}

export async function freelancerRecordOf(userId: string, now = new Date()): Promise<FreelancerRecord> {
  return recordOf(userId, now, await paidMinimumsIn(await endedContractCurrencies([userId]), now))
}

export async function freelancerRecordsOf(ids: string[], now = new Date()): Promise<Map<string, FreelancerRecord>> {
  return recordsOf(ids, now, await paidMinimumsIn(await endedContractCurrencies(ids), now))
}

/** The dated record events the models learn from, with the same rule for a paid contract. */
export async function recordEvents(now = new Date()) {
  return listRecordEvents(await paidMinimumsIn(await endedContractCurrencies(null), now))
}

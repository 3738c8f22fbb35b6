import type { Payout, PayoutMethod } from '~/models/payouts.server'
import { describePayoutMethod } from './payout-method-labels'
import { PAYOUT_TABLE } from './payout-fees'
import type { PayoutQuote } from './payout-quotes'
import { PAYOUT_STATUS_LABELS } from './payout-transitions'
import type { CryptoQuote } from './payouts.server'

/** What the pages show of payouts and quotes (turned into plain, serialisable values; components format the money). */

/** An amount in a crypto asset's minor units (a decimal string, as stored) and the asset's code. */
type InAsset = { minor: string; asset: string }

export type PayoutRow = {
  id: string
  createdAt: string
  destination: string
  amountMinor: number
  feeMinor: number
  currency: string
  speed: 'standard' | 'instant'
  statusLabel: string
  status: string
  statusReason: string | null
  arrival: string
  expectedBy: string
  sentAt: string | null
  /** Crypto: what arrives in the asset (its minor units) at the rate when requested. */
  inAsset: InAsset | null
}

export type PayoutReviewData = {
  values: { methodId: string; currency: string; amount: string; speed: string; idempotencyKey: string }
  destination: string
  currency: string
  amountMinor: number
  feeMinor: number
  receiveMinor: number
  minimumMinor: number
  speed: string
  arrival: string
  expectedBy: string
  stepUpHref: string | null
  /** The size from which a payout asks for a second factor, in the payout's currency. */
  largeMinor: number
  inAsset: (InAsset & { rate: string; asOf: string; source: string }) | null
}

export function payoutStatusLabel(payout: Pick<Payout, 'status' | 'sandbox'>): string {
  return payout.status === 'sent' && payout.sandbox ? 'Sent (test mode)' : PAYOUT_STATUS_LABELS[payout.status]
}

export function payoutRowOf(payout: Payout): PayoutRow {
  return {
    id: payout.id,
    createdAt: payout.createdAt.toISOString(),
    destination: payout.destination,
    amountMinor: payout.amountMinor,
    feeMinor: payout.feeMinor,
    currency: payout.currency,
    speed: payout.speed,
    status: payout.status,
    statusLabel: payoutStatusLabel(payout),
    statusReason: payout.statusReason,
    arrival: PAYOUT_TABLE[payout.rail][payout.speed].arrival,
    expectedBy: payout.expectedBy.toISOString(),
    sentAt: payout.sentAt?.toISOString() ?? null,
    inAsset:
      payout.cryptoAmount && payout.cryptoAsset ? { minor: payout.cryptoAmount, asset: payout.cryptoAsset } : null,
  }
}

export function payoutReviewOf(input: {
  quote: PayoutQuote
  method: PayoutMethod
  inAsset: CryptoQuote | null
  values: PayoutReviewData['values']
  stepUpHref: string | null
}): PayoutReviewData {
  const { quote, method, inAsset } = input
  return {
    values: input.values,
    destination: `${method.rail === 'bank' ? 'Bank account' : 'Crypto wallet'}: ${describePayoutMethod(method)}`,
    currency: quote.currency,
    amountMinor: quote.amountMinor,
    feeMinor: quote.feeMinor,
    receiveMinor: quote.receiveMinor,
    minimumMinor: quote.minimumMinor,
    largeMinor: quote.largeMinor,
    speed: PAYOUT_TABLE[quote.rail][quote.speed].label,
    arrival: quote.arrival,
    expectedBy: quote.expectedBy.toISOString(),
    inAsset: inAsset
      ? {
          minor: inAsset.amount,
          asset: inAsset.asset,
          // Display only: the stored rate keeps every digit.
          rate: `1 ${quote.currency} = ${Number(inAsset.rate).toPrecision(6)} ${inAsset.asset}`,
          asOf: inAsset.asOf.toISOString(),
          source: inAsset.source,
        }
      : null,
    stepUpHref: input.stepUpHref,
  }
}

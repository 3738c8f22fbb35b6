import type { PayoutRailKind, PayoutSpeed } from '~/domain/enums'
import { dollarsInMinorAt as dollarsInMinor } from '~/utils/dollar-amounts'

/**
 * The published payout table (shown on /payouts before anyone commits). Amounts are US dollars;
 * a wallet in another currency gets their value at the current exchange rate.
 */
export const PAYOUT_TABLE = {
  bank: {
    label: 'Bank account',
    minimumMajor: 10,
    standard: { label: 'Standard', feePercent: 0, minimumFeeMajor: 0, arrival: '3–5 business days' },
    instant: { label: 'Instant', feePercent: 1, minimumFeeMajor: 1, arrival: 'within 30 minutes' },
  },
  crypto: {
    label: 'Crypto wallet',
    minimumMajor: 20,
    standard: { label: 'Standard', feePercent: 0, minimumFeeMajor: 0, arrival: 'within 1 hour' },
    instant: { label: 'Instant', feePercent: 1, minimumFeeMajor: 1, arrival: 'within 10 minutes' },
  },
} as const satisfies Record<PayoutRailKind, unknown>

/** Payouts of this many US dollars or more (their value in another currency) need a second factor from the last 10 minutes. */
const LARGE_PAYOUT_USD = 1000

export function payoutMinimumMinor(rail: PayoutRailKind, currency: string, usdRate = '1'): number {
  return dollarsInMinor(PAYOUT_TABLE[rail].minimumMajor, currency, usdRate)
}

/** The size from which a payout asks for a second factor, in the wallet's minor units. */
export function largePayoutMinor(currency: string, usdRate = '1'): number {
  return dollarsInMinor(LARGE_PAYOUT_USD, currency, usdRate)
}

/** The instant payout's least fee (the same on both rails), in the wallet's minor units. */
export function instantFeeMinimumMinor(currency: string, usdRate = '1'): number {
  return dollarsInMinor(PAYOUT_TABLE.bank.instant.minimumFeeMajor, currency, usdRate)
}

/** The fee in minor units: a percentage rounded half up, never below the speed's minimum, never above the amount. */
export function payoutFeeMinor(
  rail: PayoutRailKind,
  speed: PayoutSpeed,
  amountMinor: number,
  currency: string,
  usdRate = '1',
): number {
  const rule = PAYOUT_TABLE[rail][speed]
  if (rule.feePercent === 0) return 0
  const percentFee = Math.floor((amountMinor * rule.feePercent + 50) / 100)
  return Math.min(amountMinor, Math.max(percentFee, dollarsInMinor(rule.minimumFeeMajor, currency, usdRate)))
}

import type { PayoutRailKind, PayoutSpeed } from '~/domain/enums'
import { currencyDigits } from '~/utils/format'
import { convertMinor } from '~/utils/money-conversion'

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

/** Payouts of this many whole units or more need a second factor from the last 10 minutes. */
const LARGE_PAYOUT_MAJOR = 1000

/**
 * Whole US dollars in the wallet's minor units, to the nearest unit (at least 1). `usdRate` is the
 * wallet currency per 1 USD ("1" for USD, and for a currency nobody prices).
 */
function dollarsInMinor(dollars: number, currency: string, usdRate: string): number {
  const digits = currencyDigits(currency)
  if (usdRate === '1') return dollars * 10 ** digits
  return Math.max(1, Number(convertMinor(BigInt(dollars * 100), 2, digits, usdRate)))
}

export function payoutMinimumMinor(rail: PayoutRailKind, currency: string, usdRate = '1'): number {
  return dollarsInMinor(PAYOUT_TABLE[rail].minimumMajor, currency, usdRate)
}

export function isLargePayout(amountMinor: number, currency: string, usdRate = '1'): boolean {
  return amountMinor >= dollarsInMinor(LARGE_PAYOUT_MAJOR, currency, usdRate)
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

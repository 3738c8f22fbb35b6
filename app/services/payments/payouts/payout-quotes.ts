import type { PayoutRailKind, PayoutSpeed } from '~/domain/enums'
import { formatMoney } from '~/utils/format'
import { addBusinessDays } from './business-days'
import { largePayoutMinor, PAYOUT_TABLE, payoutFeeMinor, payoutMinimumMinor } from './payout-fees'

/** The latest time the money should arrive. */
export function expectedArrival(rail: PayoutRailKind, speed: PayoutSpeed, now: Date): Date {
  if (rail === 'bank') return speed === 'standard' ? addBusinessDays(now, 5) : new Date(now.getTime() + 30 * 60_000)
  return new Date(now.getTime() + (speed === 'standard' ? 60 : 10) * 60_000)
}

export type PayoutQuoteInput = {
  rail: PayoutRailKind
  speed: PayoutSpeed
  amountMinor: number
  currency: string
  balanceMinor: number
  /** Whether the chosen method can take instant payouts (every crypto wallet can; banks vary). */
  instantAvailable: boolean
  /** The wallet currency per 1 USD, for the dollar minimums ("1" for USD). */
  usdRate?: string
  now: Date
}

export type PayoutQuote = {
  rail: PayoutRailKind
  speed: PayoutSpeed
  amountMinor: number
  feeMinor: number
  /** What reaches the destination: the amount less the fee. */
  receiveMinor: number
  minimumMinor: number
  currency: string
  arrival: string
  expectedBy: Date
  needsStepUp: boolean
  /** The size from which a payout asks for a second factor (US$1,000 in this currency). */
  largeMinor: number
}

export type QuoteOutcome = { ok: true; quote: PayoutQuote } | { ok: false; field: 'amount' | 'speed'; message: string }

/** Checks a payout request against the table and the balance, and says what it would cost. */
export function quotePayout(input: PayoutQuoteInput): QuoteOutcome {
  const { rail, speed, amountMinor, currency } = input
  const money = (minor: number) => formatMoney(minor, currency)
  const usdRate = input.usdRate ?? '1'
  const minimumMinor = payoutMinimumMinor(rail, currency, usdRate)
  if (speed === 'instant' && !input.instantAvailable) {
    return {
      ok: false,
      field: 'speed',
      message: 'Instant payouts are not available for this bank account; choose standard.',
    }
  }
  if (amountMinor < minimumMinor) {
    return {
      ok: false,
      field: 'amount',
      message: `The minimum payout to a ${PAYOUT_TABLE[rail].label.toLowerCase()} is ${money(minimumMinor)}.`,
    }
  }
  if (amountMinor > input.balanceMinor) {
    return {
      ok: false,
      field: 'amount',
      message: `Your wallet holds ${money(input.balanceMinor)} in ${currency}; you cannot pay out more than that.`,
    }
  }
  const feeMinor = payoutFeeMinor(rail, speed, amountMinor, currency, usdRate)
  const largeMinor = largePayoutMinor(currency, usdRate)
  return {
    ok: true,
    quote: {
      rail,
      speed,
      amountMinor,
      feeMinor,
      receiveMinor: amountMinor - feeMinor,
      minimumMinor,
      currency,
      arrival: PAYOUT_TABLE[rail][speed].arrival,
      expectedBy: expectedArrival(rail, speed, input.now),
      needsStepUp: amountMinor >= largeMinor,
      largeMinor,
    },
  }
}

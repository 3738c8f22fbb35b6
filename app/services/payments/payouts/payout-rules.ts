import type { PayoutRailKind, PayoutSpeed, PayoutStatus } from '~/domain/enums'
import { currencyDigits, formatMoney } from '~/utils/format'
import { convertMinor } from '../../../utils/money-conversion'

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
export const LARGE_PAYOUT_MAJOR = 1000

/** Why a payout to a method added within a day after a second-factor change waits for an admin. */
export const SECURITY_HOLD_REASON = 'Held for review: your security settings changed recently.'

/** Standard payouts wait this long before the sending job picks them up, so an admin can hold one. */
export const PAYOUT_REVIEW_WINDOW_MS = 10 * 60_000

/**
 * Whole US dollars in the wallet's minor units, to the nearest unit (at least 1). `usdRate` is the
 * wallet currency per 1 USD ("1" for USD, and for a currency nobody prices).
 */
export function dollarsInMinor(dollars: number, currency: string, usdRate: string): number {
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

/** Adds business days (Monday to Friday, UTC), keeping the time of day. */
export function addBusinessDays(from: Date, days: number): Date {
  const date = new Date(from)
  let left = days
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1)
    const weekday = date.getUTCDay()
    if (weekday !== 0 && weekday !== 6) left--
  }
  return date
}

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
      needsStepUp: isLargePayout(amountMinor, currency, usdRate),
    },
  }
}

export const PAYOUT_STATUS_LABELS: Record<PayoutStatus, string> = {
  requested: 'Requested',
  held: 'Held for review',
  sent: 'Sent',
  failed: 'Failed — returned to your wallet',
  cancelled: 'Cancelled — returned to your wallet',
}

/** What an admin can do to a payout; the system also sends and fails them. */
export const PAYOUT_ACTIONS = ['hold', 'release', 'cancel', 'send', 'fail'] as const
export type PayoutAction = (typeof PAYOUT_ACTIONS)[number]
export const ADMIN_PAYOUT_ACTIONS = ['hold', 'release', 'cancel'] as const satisfies readonly PayoutAction[]
export type AdminPayoutAction = (typeof ADMIN_PAYOUT_ACTIONS)[number]

type Transition = { from: readonly PayoutStatus[]; to: PayoutStatus; label: string }

/** The payout state machine. "release" sends a held (or waiting) payout; sent, failed and cancelled are final. */
export const PAYOUT_TRANSITIONS: Record<PayoutAction, Transition> = {
  hold: { from: ['requested'], to: 'held', label: 'Hold' },
  release: { from: ['requested', 'held'], to: 'sent', label: 'Release' },
  cancel: { from: ['requested', 'held'], to: 'cancelled', label: 'Cancel' },
  send: { from: ['requested'], to: 'sent', label: 'Send' },
  fail: { from: ['requested', 'held'], to: 'failed', label: 'Mark failed' },
}

export function allowedAdminPayoutActions(status: PayoutStatus): AdminPayoutAction[] {
  return ADMIN_PAYOUT_ACTIONS.filter((action) => PAYOUT_TRANSITIONS[action].from.includes(status))
}

/** Whether `action` may happen to a payout in `status`; when not, a sentence for the 409 saying what is allowed. */
export function checkPayoutAction(
  action: PayoutAction,
  status: PayoutStatus,
): { ok: true; to: PayoutStatus } | { ok: false; message: string } {
  const transition = PAYOUT_TRANSITIONS[action]
  if (transition.from.includes(status)) return { ok: true, to: transition.to }
  const allowed = allowedAdminPayoutActions(status)
  const instead = allowed.length
    ? `You can: ${allowed.map((name) => PAYOUT_TRANSITIONS[name].label.toLowerCase()).join(', ')}.`
    : 'It is final; nothing more can be done to it.'
  return {
    ok: false,
    message: `You cannot ${transition.label.toLowerCase()} this payout. It is “${PAYOUT_STATUS_LABELS[status].toLowerCase()}”. ${instead}`,
  }
}

/** Whether a status change gives the money back to the wallet. */
export function returnsMoney(status: PayoutStatus): boolean {
  return status === 'failed' || status === 'cancelled'
}

import { DAY_MS } from '~/domain/durations'
import { LEDGER_TRANSACTION, type LedgerTransactionKind } from '~/domain/enums'

/*
 * The payment history's GET form: every field optional, a bad value ignored rather than an error
 * (it is a URL anyone can edit), and the same parsing for the page and its CSV export.
 */

export const PAYMENT_HISTORY_PAGE_SIZE = 25
/** The CSV holds every matching row up to this many (a year of heavy use fits easily). */
export const PAYMENT_HISTORY_CSV_LIMIT = 10_000

export const PAYMENT_TYPES = {
  card_payment: 'Card payment',
  top_up: 'Wallet top-up',
  escrow_funding: 'Escrow funding',
  release: 'Release',
  refund: 'Refund',
  dispute: 'Dispute settlement',
  hourly: 'Hourly invoice',
  payout: 'Payout',
  other: 'Other',
} as const
export type PaymentType = keyof typeof PAYMENT_TYPES

/** Ledger transaction kinds → the type a user filters by. */
export const LEDGER_KIND_TYPES: Record<LedgerTransactionKind, PaymentType> = {
  [LEDGER_TRANSACTION.walletDeposit]: 'top_up',
  [LEDGER_TRANSACTION.escrowFund]: 'escrow_funding',
  [LEDGER_TRANSACTION.escrowRelease]: 'release',
  [LEDGER_TRANSACTION.escrowRefund]: 'refund',
  [LEDGER_TRANSACTION.escrowDispute]: 'dispute',
  [LEDGER_TRANSACTION.hourlyCharge]: 'hourly',
  [LEDGER_TRANSACTION.payout]: 'payout',
  [LEDGER_TRANSACTION.payoutReversed]: 'payout',
}

export const PAYMENT_STATUS_LABELS = {
  completed: 'Completed',
  pending: 'Pending',
  declined: 'Declined',
  failed: 'Failed',
} as const
export type PaymentHistoryStatus = keyof typeof PAYMENT_STATUS_LABELS

export const PAYMENT_ACCOUNT_LABELS = { wallet: 'Wallet', card: 'Card', escrow: 'Escrow', payout: 'Payout' } as const
export type PaymentAccount = keyof typeof PAYMENT_ACCOUNT_LABELS

/** One line of the payment history; `at` is a Date on the server and its ISO string in the browser. */
export type PaymentHistoryLine<At extends Date | string = Date> = {
  id: string
  at: At
  type: PaymentType
  account: PaymentAccount
  description: string
  amountMinor: number
  currency: string
  status: PaymentHistoryStatus
  countsInNet: boolean
  contractId: string | null
}

/** The GET form as read (payment-history-search.ts): a bad value reads as no filter. */
export type PaymentHistorySearch = {
  type?: PaymentType | undefined
  status?: PaymentHistoryStatus | undefined
  /** Upper case, 3 to 5 letters. */
  currency?: string | undefined
  /** YYYY-MM-DD. */
  from?: string | undefined
  to?: string | undefined
  q?: string | undefined
  page: number
}

export type PaymentHistoryFilter = {
  type?: PaymentType
  status?: PaymentHistoryStatus
  currency?: string
  /** Inclusive start, exclusive end, as milliseconds since the epoch (UTC). */
  since?: number
  until?: number
  text?: string
}

/** Dates are whole UTC days and "to" includes its day; a reversed range is read the right way round. */
export function filterFromSearch(search: PaymentHistorySearch): PaymentHistoryFilter {
  let [from, to] = [search.from, search.to]
  if (from && to && from > to) [from, to] = [to, from]
  return {
    type: search.type as PaymentType | undefined,
    status: search.status as PaymentHistoryStatus | undefined,
    currency: search.currency,
    since: from ? Date.parse(`${from}T00:00:00Z`) : undefined,
    until: to ? Date.parse(`${to}T00:00:00Z`) + DAY_MS : undefined,
    text: search.q,
  }
}

/** The query string of the current filters without the page, for the CSV link. */
export function searchWithoutPage(search: PaymentHistorySearch): string {
  const params = new URLSearchParams()
  for (const key of ['type', 'status', 'currency', 'from', 'to', 'q'] as const) {
    const value = search[key]
    if (value) params.set(key, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

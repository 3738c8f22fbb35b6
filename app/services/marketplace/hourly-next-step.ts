import type { InvoiceStatus } from '~/domain/enums'
import { canTakeInvoiceAction } from './invoice-rules'

/**
 * What an hourly contract asks of this person next, shown first on the contract page: the
 * freelancer logs hours (or waits while the contract is paused); the client approves the invoice
 * that waits for them, or pays one whose charge failed — after the contract ended too, since its
 * last invoices still wait for them. Null when nothing waits (the freelancer on an ended contract,
 * an admin reading it, a client with no invoice to act on).
 */
/** Finished weeks of the freelancer's time on no invoice yet (the oldest one's start), all together. */
export type WeeksToInvoice = { weeks: number; firstWeek: string; minutes: number; amountMinor: number }

export type HourlyNextStep =
  /** `autoInvoicing`: whether the scheduled job invoices finished weeks here, or only "Send invoice" does. */
  | {
      kind: 'log-time'
      loggedThisWeek: number
      limitHours: number | null
      toInvoice: WeeksToInvoice | null
      autoInvoicing: boolean
    }
  | { kind: 'paused'; reason: string }
  | { kind: 'review-invoice'; count: number; weekStart: string; amountMinor: number; reviewDueAt: string }
  /** `hasCard`: whether the client has a card saved, which decides what to ask of them. */
  | { kind: 'pay-invoice'; count: number; weekStart: string; amountMinor: number; hasCard: boolean }
  | null

type InvoiceInput = {
  status: InvoiceStatus
  weekStart: string
  amountMinor: number
  payableMinor: number | null
  reviewDueAt: string
}

export function hourlyNextStep(input: {
  side: 'client' | 'freelancer' | 'admin'
  active: boolean
  pauseReason: string | null
  invoices: readonly InvoiceInput[]
  loggedThisWeek: number
  limitHours: number | null
  /** Whether the client has a card saved (client side only). */
  hasCard?: boolean
  /** The freelancer's finished weeks still to invoice (freelancer side only). */
  toInvoice?: WeeksToInvoice | null
  autoInvoicing?: boolean
}): HourlyNextStep {
  if (input.side === 'admin') return null
  if (input.side === 'freelancer') {
    if (!input.active) return null
    if (input.pauseReason !== null) return { kind: 'paused', reason: input.pauseReason }
    return {
      kind: 'log-time',
      loggedThisWeek: input.loggedThisWeek,
      limitHours: input.limitHours,
      toInvoice: input.toInvoice ?? null,
      autoInvoicing: input.autoInvoicing ?? true,
    }
  }
  // The oldest first: it is the one that counts as approved soonest.
  const oldestFirst = [...input.invoices].sort((a, b) => a.weekStart.localeCompare(b.weekStart))
  const toReview = oldestFirst.filter((invoice) => canTakeInvoiceAction('approve', invoice.status, 'client'))
  const first = toReview[0]
  if (first) {
    return {
      kind: 'review-invoice',
      count: toReview.length,
      weekStart: first.weekStart,
      amountMinor: first.amountMinor,
      reviewDueAt: first.reviewDueAt,
    }
  }
  const toPay = oldestFirst.filter((invoice) => canTakeInvoiceAction('pay_now', invoice.status, 'client'))
  const unpaid = toPay[0]
  if (unpaid) {
    return {
      kind: 'pay-invoice',
      count: toPay.length,
      weekStart: unpaid.weekStart,
      amountMinor: unpaid.payableMinor ?? unpaid.amountMinor,
      hasCard: input.hasCard ?? false,
    }
  }
  return null
}

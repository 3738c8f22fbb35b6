import type { InvoiceStatus } from '~/domain/enums'
import { formatDate, formatMoney } from '~/utils/format'
import { canTakeInvoiceAction } from './invoice-rules'
import { formatDuration, HOURLY_INVOICING_EVERY_MS, INVOICE_REVIEW_DAYS } from './hourly'
import { whoInvoicesWeeks } from './hourly-invoicing-words'

/**
 * What an hourly contract asks of this person next, shown first on the contract page: the
 * freelancer logs hours (or waits while the contract is paused); the client approves the invoice
 * that waits for them, or pays one whose charge failed — after the contract ended too, since its
 * last invoices still wait for them; with no invoice to act on, the client of an active contract
 * learns how the hours reach them and where the weekly limit is. Null when nothing waits (the
 * freelancer or a client with nothing to pay on an ended contract, an admin reading it).
 */
/** Finished weeks of the freelancer's time on no invoice yet (the oldest one's start), all together. */
export type WeeksToInvoice = { weeks: number; firstWeek: string; minutes: number; amountMinor: number }

export type HourlyNextStep =
  /**
   * The freelancer's step, worded here on the server (the contract page's JS budget is nearly full):
   * log hours, or send the finished weeks' invoices when the scheduled job does not.
   */
  | {
      kind: 'log-time'
      title: string
      text: string
      action: { anchor: 'log-time-heading' | 'weeks-to-invoice'; label: string }
      loggedThisWeek: number
      toInvoice: WeeksToInvoice | null
      autoInvoicing: boolean
    }
  | { kind: 'paused'; reason: string }
  /** The client of an active contract with no invoice to act on: this week's hours against their limit. */
  | { kind: 'watch-hours'; title: string; text: string; loggedThisWeek: number; autoInvoicing: boolean }
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
  /** Whether the scheduled job invoices finished weeks here (DISABLED_JOBS may turn it off). */
  autoInvoicing?: boolean
  currency?: string
}): HourlyNextStep {
  if (input.side === 'admin') return null
  if (input.side === 'freelancer') {
    if (!input.active) return null
    if (input.pauseReason !== null) return { kind: 'paused', reason: input.pauseReason }
    return logTimeStep({
      loggedThisWeek: input.loggedThisWeek,
      limitHours: input.limitHours,
      toInvoice: input.toInvoice ?? null,
      autoInvoicing: input.autoInvoicing ?? true,
      currency: input.currency ?? 'USD',
    })
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
  if (input.active) return watchHoursStep(input.loggedThisWeek, input.limitHours, input.autoInvoicing ?? true)
  return null
}

/** The client's card, its text written here: in the component it weighed on the contract page's JavaScript. */
function watchHoursStep(loggedThisWeek: number, limitHours: number | null, autoInvoicing: boolean): HourlyNextStep {
  const logged = loggedThisWeek ? `${formatDuration(loggedThisWeek)} logged` : 'nothing logged yet'
  const limit = limitHours === null ? '' : `; you allow up to ${limitHours} h a week`
  const invoiced = whoInvoicesWeeks(autoInvoicing, 'client')
  return {
    kind: 'watch-hours',
    title: 'Hours come to you as weekly invoices',
    text:
      `This week: ${logged}${limit}. ${invoiced}; you then have ${INVOICE_REVIEW_DAYS} days to approve or ` +
      'dispute it, and it is paid from your wallet, then your card on file.',
    loggedThisWeek,
    autoInvoicing,
  }
}

function logTimeStep(input: {
  loggedThisWeek: number
  limitHours: number | null
  toInvoice: WeeksToInvoice | null
  autoInvoicing: boolean
  currency: string
}): HourlyNextStep {
  const { loggedThisWeek, toInvoice: waiting, autoInvoicing } = input
  const logged = loggedThisWeek ? `${formatDuration(loggedThisWeek)} logged` : 'nothing logged yet'
  const limit = input.limitHours === null ? '' : `; the client allows ${input.limitHours} h`
  const thisWeek = `This week: ${logged}${limit}.`
  const step = { kind: 'log-time' as const, loggedThisWeek, toInvoice: waiting, autoInvoicing }
  if (waiting && !autoInvoicing) {
    const one = waiting.weeks === 1
    return {
      ...step,
      title: one ? 'Next: send your invoice' : `Next: send your ${waiting.weeks} invoices`,
      text:
        `${waitingText(waiting, input.currency)} is not invoiced yet, and invoices are not sent automatically ` +
        `here: send ${one ? 'it' : 'them'} yourself. The client then has ${INVOICE_REVIEW_DAYS} days to approve ` +
        `${one ? 'it' : 'each'}; after that it counts as approved and is paid. ${thisWeek}`,
      action: { anchor: 'weeks-to-invoice', label: one ? 'Send the invoice' : 'Send the invoices' },
    }
  }
  const after = waiting
    ? `${waitingText(waiting, input.currency)} is not invoiced yet: it goes to the client automatically within ` +
      `${HOURLY_INVOICING_EVERY_MS / 60_000} minutes, or you can send it now.`
    : autoInvoicing
      ? 'Log each day’s time; every finished week is invoiced on the Monday after it.'
      : 'Log each day’s time; when a week is over, send its invoice from Hours and invoices (it is not sent automatically here).'
  return {
    ...step,
    title: 'Next: log your hours',
    text: `${thisWeek} ${after}`,
    action: { anchor: 'log-time-heading', label: 'Log time' },
  }
}

/** “4 h 30 min from the week of 30 Nov 2026 ($180)”, or the sum of several weeks. */
function waitingText(waiting: WeeksToInvoice, currency: string): string {
  const weeks =
    waiting.weeks === 1
      ? `the week of ${formatDate(waiting.firstWeek)}`
      : `${waiting.weeks} weeks since ${formatDate(waiting.firstWeek)}`
  return `${formatDuration(waiting.minutes)} from ${weeks} (${formatMoney(waiting.amountMinor, currency)})`
}

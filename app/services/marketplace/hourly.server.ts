import {
  createWeeklyInvoice,
  decideInvoice,
  deleteUninvoicedTimeEntry,
  findInvoice,
  insertTimeEntryUnless,
  listActiveHourlyContracts,
  listOverdueInvoices,
  listInvoices,
  listInvoicesInStatus,
  listTimeEntries,
  listUninvoicedDays,
  listUninvoicedWeeks,
  minutesLoggedBetween,
  saveWeeklyLimit,
  type Invoice,
} from '~/models/hourly.server'
import { listStaleChargeClaims } from '~/models/invoice-charges.server'
import { balanceOf } from '~/models/ledger.server'
import { chargeInvoice, type ChargeOutcome } from '~/services/payments/cards/invoice-charges.server'
import { feePreview } from '~/services/payments/ledger/escrow.server'
import { describeCardOnFile } from '~/services/payments/cards/saved-cards.server'
import { findContract, insertContractActivityLine } from '~/models/contracts.server'
import { listDisputesOfContract } from '~/models/disputes.server'
import { notify } from '~/services/notifications/notify.server'
import { formatDate, formatMoney } from '~/utils/format'
import {
  addDays,
  amountForMinutes,
  changeWeeklyLimit,
  checkDayTotal,
  checkWeeklyLimit,
  checkWorkDate,
  earliestWorkDay,
  formatDuration,
  invoiceReviewDueAt,
  isWeekOver,
  isoDay,
  parseDuration,
  weekStartOf,
  weeklyLimitFor,
} from './hourly'
import { INVOICE_MACHINE } from '~/domain/invoice-machine'
import { fromStates } from '~/domain/state-machine'
import { CHARGE_CLAIM_TIMEOUT_MS, checkInvoiceAction } from './invoice-rules'
import { hourlyNextStep, type HourlyNextStep, type WeeksToInvoice } from './hourly-next-step'
import { AmountTooLarge, type Refusal } from '~/services/domain-errors'
import { takeAccountQuota } from '~/services/security/throttle.server'
import { isJobDisabled } from '~/services/jobs/job-switches'
import { getEnv } from '~/utils/env.server'

type Contract = NonNullable<Awaited<ReturnType<typeof findContract>>>
export type Outcome = { ok: true } | { ok: false; reason: 'invalid' | 'conflict'; message: string; field?: string }
export type ReviewOutcome =
  { ok: true; charge: ChargeOutcome | null } | { ok: false; reason: 'invalid' | 'conflict'; message: string }

/** "the week of 23 Nov 2026": how messages and the activity log name an invoiced week. */
function weekLabel(weekStart: string): string {
  return `the week of ${formatDate(weekStart)}`
}

/** The freelancer logs time on an active hourly contract. */
export async function logTime(
  contract: Contract,
  input: { workDate: string; duration: string; memo: string },
  now = new Date(),
): Promise<Outcome> {
  if (contract.type !== 'hourly' || contract.status !== 'active') {
    return { ok: false, reason: 'conflict', message: 'Time can be logged only on an active hourly contract.' }
  }
  if (contract.hourlyPausedAt) {
    return {
      ok: false,
      reason: 'conflict',
      message: `This contract is paused: ${contract.hourlyPauseReason ?? 'an invoice is unpaid.'}`,
    }
  }
  const dateProblem = checkWorkDate(input.workDate, now, contract.createdAt)
  if (dateProblem) return { ok: false, reason: 'invalid', field: 'workDate', message: dateProblem }
  const minutes = parseDuration(input.duration)
  if (!minutes)
    return { ok: false, reason: 'invalid', field: 'duration', message: 'Enter how long you worked, e.g. 1:30 or 1.5' }
  const weekStart = weekStartOf(input.workDate)
  const refusal = await insertTimeEntryUnless(
    {
      contractId: contract.id,
      freelancerId: contract.freelancerId,
      workDate: input.workDate,
      minutes,
      memo: input.memo,
    },
    { start: weekStart, end: addDays(weekStart, 7) },
    (logged): Outcome | null => {
      if (logged.weekInvoiced)
        return {
          ok: false,
          reason: 'invalid',
          field: 'workDate',
          message: `The week of ${formatDate(weekStart)} is already invoiced.`,
        }
      const problem =
        checkWeeklyLimit(logged.weekMinutes, minutes, weeklyLimitFor(contract, weekStart)) ??
        checkDayTotal(logged.dayMinutes, minutes, formatDate(input.workDate))
      return problem ? { ok: false, reason: 'invalid', field: 'duration', message: problem } : null
    },
  )
  if (refusal) return refusal
  return { ok: true }
}

/** The freelancer deletes one of their entries on this contract while it is not invoiced. */
export async function deleteTimeEntry(
  contract: Contract,
  userId: string,
  entryId: string,
): Promise<{ ok: true } | Refusal<'forbidden' | 'conflict'>> {
  if (userId !== contract.freelancerId) {
    return { ok: false, reason: 'forbidden', message: 'Only the freelancer on this contract can delete time.' }
  }
  if (!(await deleteUninvoicedTimeEntry(contract.id, entryId))) {
    return {
      ok: false,
      reason: 'conflict',
      message: 'That entry is already invoiced or gone; invoiced time cannot be changed.',
    }
  }
  return { ok: true }
}

/** The client sets the weekly limit; the running week keeps its limit, the new one applies from next Monday. */
export async function setWeeklyLimit(
  contract: Contract,
  clientId: string,
  hours: number,
  now = new Date(),
): Promise<Outcome & { from?: string }> {
  if (contract.type !== 'hourly' || contract.status !== 'active') {
    return {
      ok: false,
      reason: 'conflict',
      message: 'The weekly limit can be changed only on an active hourly contract.',
    }
  }
  await takeAccountQuota('contract-change', { id: clientId, role: 'client' }, now)
  const settings = changeWeeklyLimit(contract, hours, now)
  const from = settings.nextWeeklyLimitFrom ?? ''
  await saveWeeklyLimit(
    contract.id,
    settings,
    { actorId: clientId, detail: `Weekly limit set to ${hours} h from the week of ${from}.` },
    now,
  )
  await notify({
    userId: contract.freelancerId,
    kind: 'contract_update',
    title: `Weekly limit on “${contract.title}”: ${hours} h from the week of ${from}`,
    body: `Until then the limit stays ${settings.weeklyLimitHours === null ? 'unset' : `${settings.weeklyLimitHours} h`}.`,
    link: `/contracts/${contract.id}/hours`,
  })
  return { ok: true, from }
}

/** Why a week cannot be invoiced now, or null. `weekStart` is a Monday (the form's schema checks). */
export function checkWeekToInvoice(weekStart: string, now = new Date()): string | null {
  return isWeekOver(weekStart, now)
    ? null
    : `The week of ${weekStart} is not over yet; invoice it from the Monday after it.`
}

/** Bills a finished week's time; notifies the client. Returns the invoice, or null when nothing to bill. */
export async function sendWeeklyInvoice(
  contract: Contract,
  weekStart: string,
  actorId: string | null,
  now = new Date(),
) {
  if (contract.type !== 'hourly' || contract.hourlyRateMinor === null) return null
  if (weekStartOf(weekStart) !== weekStart || checkWeekToInvoice(weekStart, now)) return null
  const rate = contract.hourlyRateMinor
  const invoice = await createWeeklyInvoice({
    contractId: contract.id,
    weekStart,
    weekEnd: addDays(weekStart, 7),
    amountFor: (minutes) => amountForMinutes(minutes, rate),
    reviewDueAt: invoiceReviewDueAt(now),
    now,
  })
  if (!invoice) return null
  const amount = formatMoney(invoice.amountMinor, contract.currency)
  await insertContractActivityLine({
    contractId: contract.id,
    actorId,
    kind: 'invoice.sent',
    detail: `Invoice for ${weekLabel(weekStart)}: ${formatDuration(invoice.minutes)}, ${amount}.`,
    at: now,
  })
  await notify({
    userId: contract.clientId,
    kind: 'contract_update',
    title: `New invoice on “${contract.title}”: ${amount}`,
    body: `${formatDuration(invoice.minutes)} for ${weekLabel(weekStart)}. Approve or dispute it by ${formatDate(invoice.reviewDueAt)}; after that it counts as approved.`,
    link: `/contracts/${contract.id}/hours`,
  })
  return invoice
}

/** The client approves (and so pays) or disputes a pending invoice of their contract. */
export async function reviewInvoice(
  contract: Contract,
  invoiceId: string,
  clientId: string,
  decision: { kind: 'approve' } | { kind: 'dispute'; reason: string },
  now = new Date(),
): Promise<ReviewOutcome> {
  const invoice = await findInvoice(contract.id, invoiceId)
  if (!invoice) return { ok: false, reason: 'conflict', message: 'That invoice is not on this contract.' }
  const action = decision.kind === 'approve' ? 'approve' : 'dispute'
  const refused = checkInvoiceAction(action, invoice.status, 'client')
  if (refused) return { ok: false, reason: 'conflict', message: refused }
  const amount = formatMoney(invoice.amountMinor, contract.currency)
  const approved = decision.kind === 'approve'
  const done = await decideInvoice({
    invoice,
    from: fromStates(INVOICE_MACHINE, action),
    decision: approved ? 'approved' : 'disputed',
    actorId: clientId,
    detail: approved
      ? `Invoice for ${weekLabel(invoice.weekStart)} (${amount}) approved.`
      : `Invoice for ${weekLabel(invoice.weekStart)} (${amount}) disputed: ${decision.reason}`,
    disputeReason: approved ? undefined : decision.reason,
    at: now,
  })
  if (!done) return { ok: false, reason: 'conflict', message: 'This invoice was already decided.' }
  await notify({
    userId: contract.freelancerId,
    kind: approved ? 'contract_update' : 'dispute_update',
    title: approved ? `Invoice approved on “${contract.title}”: ${amount}` : `Invoice disputed on “${contract.title}”`,
    body: approved ? 'The client is charged now; you are told when the money reaches your wallet.' : decision.reason,
    link: `/contracts/${contract.id}/hours`,
  })
  return { ok: true, charge: approved ? await chargeInvoice(invoice.id, now) : null }
}

/** The client's "Pay now" after a failed charge (once they topped up or saved another card). */
export async function payInvoiceNow(contract: Contract, invoiceId: string, now = new Date()): Promise<ReviewOutcome> {
  const invoice = await findInvoice(contract.id, invoiceId)
  if (!invoice) return { ok: false, reason: 'conflict', message: 'That invoice is not on this contract.' }
  const refused = checkInvoiceAction('pay_now', invoice.status, 'client')
  if (refused) return { ok: false, reason: 'conflict', message: refused }
  const charge = await chargeInvoice(invoice.id, now, 'client')
  if (charge.kind === 'not_due')
    return { ok: false, reason: 'conflict', message: 'This invoice is being charged or was paid meanwhile.' }
  return { ok: true, charge }
}

async function autoApprove(invoice: Invoice, now: Date): Promise<boolean> {
  const contract = await findContract(invoice.contractId)
  if (!contract) return false
  const amount = formatMoney(invoice.amountMinor, contract.currency)
  const done = await decideInvoice({
    invoice,
    from: fromStates(INVOICE_MACHINE, 'auto_approve'),
    decision: 'approved',
    actorId: null,
    detail: `Invoice for ${weekLabel(invoice.weekStart)} (${amount}) approved automatically: the client did not answer within 5 days.`,
    at: now,
  })
  if (!done) return false
  for (const userId of [contract.clientId, contract.freelancerId]) {
    await notify({
      userId,
      kind: 'contract_update',
      title: `Invoice approved automatically on “${contract.title}”: ${amount}`,
      body: 'The 5-day review ended without a dispute, so the client is charged now.',
      link: `/contracts/${contract.id}/hours`,
    })
  }
  return true
}

/** The scheduled job that invoices every finished week (see services/jobs/scheduler.server.ts). */
export const HOURLY_INVOICING_JOB = 'hourly-invoicing'

/**
 * The scheduled job that bills every finished week with unbilled time on active hourly contracts. Safe
 * to repeat. A week whose amount is past exact arithmetic (a rate saved before the forms' limit) is
 * counted in `tooLarge` and left unbilled, so one such contract does not stop every other's invoices.
 */
export async function runHourlyInvoicing(now = new Date()): Promise<{ invoiced: number; tooLarge: number }> {
  let invoiced = 0
  let tooLarge = 0
  const thisWeek = weekStartOf(isoDay(now))
  for (const contract of await listActiveHourlyContracts()) {
    const weeks = new Set((await listUninvoicedWeeks(contract.id, thisWeek)).map(weekStartOf))
    for (const week of weeks) {
      try {
        if (await sendWeeklyInvoice(contract, week, null, now)) invoiced += 1
      } catch (error) {
        if (!(error instanceof AmountTooLarge)) throw error
        tooLarge += 1
      }
    }
  }
  return { invoiced, tooLarge }
}

/**
 * The scheduled job that moves hourly money: approves invoices whose 5-day review ended without a
 * dispute, then charges every approved invoice, retries the ones whose payment failed, and takes
 * over charges interrupted by a crash. Safe to repeat and to run alongside approvals: each charge
 * is claimed first, so an invoice is charged once.
 */
export async function runHourlyCharging(
  now = new Date(),
): Promise<{ autoApproved: number; paid: number; declined: number }> {
  let autoApproved = 0
  for (const invoice of await listOverdueInvoices(now)) if (await autoApprove(invoice, now)) autoApproved += 1
  const due = await listInvoicesInStatus(fromStates(INVOICE_MACHINE, 'start_charge'))
  const stale = await listStaleChargeClaims(new Date(now.getTime() - CHARGE_CLAIM_TIMEOUT_MS))
  let paid = 0
  let declined = 0
  for (const id of [...due.map((invoice) => invoice.id), ...stale]) {
    const outcome = await chargeInvoice(id, now)
    if (outcome.kind === 'paid') paid += 1
    if (outcome.kind === 'declined') declined += 1
  }
  return { autoApproved, paid, declined }
}

export { findContract }

/** Whether the weekly job invoices finished weeks: DISABLED_JOBS may turn it off, then only "Send invoice" does. */
function isAutoInvoicing(): boolean {
  return !isJobDisabled(getEnv().DISABLED_JOBS, HOURLY_INVOICING_JOB)
}

/** Everything the hours page shows for a contract. */
/** What the contract page shows first on an hourly contract for this viewer (see hourlyNextStep). */
export async function loadHourlyNextStep(
  contract: Contract,
  side: 'client' | 'freelancer' | 'admin',
  now = new Date(),
): Promise<HourlyNextStep> {
  const active = contract.status === 'active'
  // An ended contract asks nothing more of the freelancer; its last invoices still wait for the client.
  if (contract.type !== 'hourly' || side === 'admin' || (!active && side === 'freelancer')) return null
  const thisWeek = weekStartOf(isoDay(now))
  const [invoices, loggedThisWeek, card, uninvoiced] = await Promise.all([
    side === 'client' ? listInvoices(contract.id) : Promise.resolve([]),
    minutesLoggedBetween(contract.id, thisWeek, addDays(thisWeek, 7)),
    side === 'client' ? describeCardOnFile(contract.clientId) : Promise.resolve(null),
    side === 'freelancer' ? listUninvoicedDays(contract.id, thisWeek) : Promise.resolve([]),
  ])
  return hourlyNextStep({
    toInvoice: weeksToInvoice(uninvoiced, contract.hourlyRateMinor ?? 0),
    autoInvoicing: isAutoInvoicing(),
    currency: contract.currency,
    side,
    active,
    hasCard: Boolean(card),
    pauseReason: contract.hourlyPausedAt ? (contract.hourlyPauseReason ?? 'An invoice is unpaid.') : null,
    invoices: invoices.map((invoice) => ({ ...invoice, reviewDueAt: invoice.reviewDueAt.toISOString() })),
    loggedThisWeek,
    limitHours: weeklyLimitFor(contract, thisWeek),
  })
}

/** Finished weeks whose time is on no invoice yet, with the amount their invoices will ask. */
function weeksToInvoice(days: { day: string; minutes: number }[], rateMinor: number): WeeksToInvoice | null {
  if (!days.length) return null
  const byWeek = new Map<string, number>()
  for (const { day, minutes } of days) byWeek.set(weekStartOf(day), (byWeek.get(weekStartOf(day)) ?? 0) + minutes)
  const weeks = [...byWeek.entries()]
  return {
    weeks: weeks.length,
    firstWeek: weeks[0]![0],
    minutes: weeks.reduce((total, [, minutes]) => total + minutes, 0),
    // Each week is invoiced (and rounded) on its own, as sendWeeklyInvoice does.
    amountMinor: weeks.reduce((total, [, minutes]) => total + amountForMinutes(minutes, rateMinor), 0),
  }
}

/** The client's wallet in the contract's currency: an approved invoice is paid from it first. */
export async function clientWalletBalance(contract: Contract): Promise<number> {
  return balanceOf({ kind: 'wallet', ownerId: contract.clientId, currency: contract.currency })
}

export async function loadHoursPage(contract: Contract, now = new Date()) {
  const thisWeek = weekStartOf(isoDay(now))
  const [entries, invoices, loggedThisWeek, unbilledDays, disputes, card] = await Promise.all([
    listTimeEntries(contract.id),
    listInvoices(contract.id),
    minutesLoggedBetween(contract.id, thisWeek, addDays(thisWeek, 7)),
    listUninvoicedWeeks(contract.id, thisWeek),
    listDisputesOfContract(contract.id),
    describeCardOnFile(contract.clientId),
  ])
  const limitThisWeek = weeklyLimitFor(contract, thisWeek)
  const nextWeek = addDays(thisWeek, 7)
  const limitNextWeek = weeklyLimitFor(contract, nextWeek)
  return {
    today: isoDay(now),
    earliestDay: earliestWorkDay(now, contract.createdAt),
    thisWeek,
    loggedThisWeek,
    limit: {
      thisWeek: limitThisWeek,
      change: limitNextWeek !== limitThisWeek ? { hours: limitNextWeek, from: nextWeek } : null,
    },
    pause: contract.hourlyPausedAt ? { reason: contract.hourlyPauseReason ?? 'An invoice is unpaid.' } : null,
    feePercent: feePreview(0).percent,
    autoInvoicing: isAutoInvoicing(),
    cardOnFile: card ? `${card.brand} ending ${card.last4}` : null,
    weeksToInvoice: [...new Set(unbilledDays.map(weekStartOf))],
    entries: entries.map((entry) => ({
      id: entry.id,
      workDate: entry.workDate,
      minutes: entry.minutes,
      memo: entry.memo,
      invoiced: entry.invoiceId !== null,
    })),
    invoices: invoices.map((invoice) => ({
      id: invoice.id,
      weekStart: invoice.weekStart,
      minutes: invoice.minutes,
      amountMinor: invoice.amountMinor,
      status: invoice.status,
      reviewDueAt: invoice.reviewDueAt.toISOString(),
      payableMinor: invoice.payableMinor,
      charge:
        invoice.status === 'paid' && invoice.feeMinor !== null && invoice.netMinor !== null
          ? {
              from: invoice.chargedFrom ?? 'wallet',
              feeMinor: invoice.feeMinor,
              feeTaxMinor: invoice.feeTaxMinor ?? 0,
              netMinor: invoice.netMinor,
            }
          : null,
      chargeError: invoice.status === 'payment_failed' ? invoice.chargeError : null,
      chargeFailures: invoice.chargeFailures,
      disputeId: disputes.find((dispute) => dispute.invoiceId === invoice.id)?.id ?? null,
    })),
  }
}

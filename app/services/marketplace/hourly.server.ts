import {
  createWeeklyInvoice,
  decideInvoice,
  findInvoice,
  findInvoiceForWeek,
  insertTimeEntry,
  listActiveHourlyContracts,
  listOverdueInvoices,
  listInvoices,
  listTimeEntries,
  listUninvoicedWeeks,
  minutesLoggedBetween,
  type Invoice,
} from '~/models/hourly.server'
import { findContract, insertContractActivityLine } from '~/models/contracts.server'
import { listDisputesOfContract } from '~/models/disputes.server'
import { notify } from '~/services/notifications/notify.server'
import { formatMoney } from '~/utils/format'
import {
  addDays,
  amountForMinutes,
  checkWeeklyLimit,
  checkWorkDate,
  formatDuration,
  invoiceReviewDueAt,
  isWeekOver,
  isoDay,
  parseDuration,
  weekStartOf,
} from './hourly'

type Contract = NonNullable<Awaited<ReturnType<typeof findContract>>>
export type Outcome = { ok: true } | { ok: false; status: 400 | 409; message: string; field?: string }

function weekLabel(weekStart: string): string {
  return `the week of ${weekStart}`
}

/** The freelancer logs time on an active hourly contract. */
export async function logTime(
  contract: Contract,
  input: { workDate: string; duration: string; memo: string },
  now = new Date(),
): Promise<Outcome> {
  if (contract.type !== 'hourly' || contract.status !== 'active') {
    return { ok: false, status: 409, message: 'Time can be logged only on an active hourly contract.' }
  }
  const dateProblem = checkWorkDate(input.workDate, now)
  if (dateProblem) return { ok: false, status: 400, field: 'workDate', message: dateProblem }
  const minutes = parseDuration(input.duration)
  if (!minutes) return { ok: false, status: 400, field: 'duration', message: 'Enter how long you worked, e.g. 1:30 or 1.5' }
  const weekStart = weekStartOf(input.workDate)
  if (await findInvoiceForWeek(contract.id, weekStart)) {
    return { ok: false, status: 400, field: 'workDate', message: `${weekLabel(weekStart)} is already invoiced.` }
  }
  const logged = await minutesLoggedBetween(contract.id, weekStart, addDays(weekStart, 7))
  const limitProblem = checkWeeklyLimit(logged, minutes, contract.weeklyLimitHours)
  if (limitProblem) return { ok: false, status: 400, field: 'duration', message: limitProblem }
  await insertTimeEntry({ contractId: contract.id, workDate: input.workDate, minutes, memo: input.memo })
  return { ok: true }
}

/** Bills a finished week's time; notifies the client. Returns the invoice, or null when nothing to bill. */
export async function sendWeeklyInvoice(contract: Contract, weekStart: string, actorId: string | null, now = new Date()) {
  if (contract.type !== 'hourly' || contract.hourlyRateMinor === null) return null
  if (weekStartOf(weekStart) !== weekStart || !isWeekOver(weekStart, now)) return null
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
    title: `New invoice on "${contract.title}": ${amount}`,
    body: `${formatDuration(invoice.minutes)} for ${weekLabel(weekStart)}. Approve or dispute it by ${isoDay(invoice.reviewDueAt)}; after that it counts as approved.`,
    link: `/contracts/${contract.id}/hours`,
  })
  return invoice
}

/** The client approves or disputes a pending invoice of their contract. */
export async function reviewInvoice(
  contract: Contract,
  invoiceId: string,
  clientId: string,
  decision: { kind: 'approve' } | { kind: 'dispute'; reason: string },
  now = new Date(),
): Promise<Outcome> {
  const invoice = await findInvoice(contract.id, invoiceId)
  if (!invoice) return { ok: false, status: 409, message: 'That invoice is not on this contract.' }
  if (invoice.status !== 'pending') {
    return { ok: false, status: 409, message: `This invoice is already ${invoice.status}; only pending invoices can be approved or disputed.` }
  }
  const amount = formatMoney(invoice.amountMinor, contract.currency)
  const approved = decision.kind === 'approve'
  const done = await decideInvoice({
    invoice,
    decision: approved ? 'approved' : 'disputed',
    actorId: clientId,
    detail: approved
      ? `Invoice for ${weekLabel(invoice.weekStart)} (${amount}) approved.`
      : `Invoice for ${weekLabel(invoice.weekStart)} (${amount}) disputed: ${decision.reason}`,
    disputeReason: approved ? undefined : decision.reason,
    at: now,
  })
  if (!done) return { ok: false, status: 409, message: 'This invoice was already decided.' }
  await notify({
    userId: contract.freelancerId,
    kind: approved ? 'contract_update' : 'dispute_update',
    title: approved ? `Invoice approved on "${contract.title}": ${amount}` : `Invoice disputed on "${contract.title}"`,
    body: approved ? '' : decision.reason,
    link: `/contracts/${contract.id}/hours`,
  })
  return { ok: true }
}

async function autoApprove(invoice: Invoice, now: Date): Promise<void> {
  const contract = await findContract(invoice.contractId)
  if (!contract) return
  const amount = formatMoney(invoice.amountMinor, contract.currency)
  const done = await decideInvoice({
    invoice,
    decision: 'approved',
    actorId: null,
    detail: `Invoice for ${weekLabel(invoice.weekStart)} (${amount}) approved automatically: the client did not answer within 5 days.`,
    at: now,
  })
  if (!done) return
  for (const userId of [contract.clientId, contract.freelancerId]) {
    await notify({
      userId,
      kind: 'contract_update',
      title: `Invoice approved automatically on "${contract.title}": ${amount}`,
      link: `/contracts/${contract.id}/hours`,
    })
  }
}

/**
 * The scheduled job: bills every finished week with unbilled time on active hourly contracts, and
 * approves invoices the client left unanswered past their review time. Safe to run repeatedly.
 */
export async function runHourlyInvoicing(now = new Date()): Promise<{ invoiced: number; autoApproved: number }> {
  let invoiced = 0
  const thisWeek = weekStartOf(isoDay(now))
  for (const contract of await listActiveHourlyContracts()) {
    const weeks = new Set((await listUninvoicedWeeks(contract.id, thisWeek)).map(weekStartOf))
    for (const week of weeks) if (await sendWeeklyInvoice(contract, week, null, now)) invoiced += 1
  }
  const overdue = await listOverdueInvoices(now)
  for (const invoice of overdue) await autoApprove(invoice, now)
  return { invoiced, autoApproved: overdue.length }
}

export { findContract }

/** Everything the hours page shows for a contract. */
export async function loadHoursPage(contract: Contract, now = new Date()) {
  const thisWeek = weekStartOf(isoDay(now))
  const [entries, invoices, loggedThisWeek, unbilledDays, disputes] = await Promise.all([
    listTimeEntries(contract.id),
    listInvoices(contract.id),
    minutesLoggedBetween(contract.id, thisWeek, addDays(thisWeek, 7)),
    listUninvoicedWeeks(contract.id, thisWeek),
    listDisputesOfContract(contract.id),
  ])
  return {
    today: isoDay(now),
    thisWeek,
    loggedThisWeek,
    weeksToInvoice: [...new Set(unbilledDays.map(weekStartOf))],
    entries: entries.map((entry) => ({ id: entry.id, workDate: entry.workDate, minutes: entry.minutes, memo: entry.memo, invoiced: entry.invoiceId !== null })),
    invoices: invoices.map((invoice) => ({
      id: invoice.id,
      weekStart: invoice.weekStart,
      minutes: invoice.minutes,
      amountMinor: invoice.amountMinor,
      status: invoice.status,
      reviewDueAt: invoice.reviewDueAt.toISOString(),
      disputeId: disputes.find((dispute) => dispute.invoiceId === invoice.id)?.id ?? null,
    })),
  }
}

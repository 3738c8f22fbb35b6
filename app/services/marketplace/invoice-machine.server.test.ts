import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { INVOICE_MACHINE, type InvoiceTransitionName } from '~/domain/invoice-machine'
import { actionsOf, fromStates, toState } from '~/domain/state-machine'
import { getDb } from '~/models/db.server'
import { resolveInvoiceDispute } from '~/models/disputes.server'
import { INVOICE_STATUSES, type InvoiceStatus } from '~/domain/enums'
import { decideInvoice, findInvoiceById, type Invoice } from '~/models/hourly.server'
import { claimInvoiceCharge, recordInvoiceDeclined, recordInvoicePaid } from '~/models/invoice-charges.server'
import { invoices } from '~/models/schema'
import { invoiceChargePosting, splitInvoiceCharge } from '~/services/payments/ledger/invoice-postings'
import { createHourlyTestContract } from '~/test/hourly-contract'
import { CHARGE_CLAIM_TIMEOUT_MS } from './invoice-rules'

/*
 * The weekly invoice's moves follow one another inside one service call (approving charges at once;
 * a charge claims, charges and records in one go), so "approved" and "charging" are seldom seen
 * between calls. This test therefore walks the machine one level down: it puts an invoice in each
 * state and runs each conditional update the services run, with the from-states the services pass
 * (hourly.test.ts, hourly.server.test.ts and invoice-charges.server.test.ts walk the services).
 */

const contract = createHourlyTestContract().then((parties) => parties.contract)
const CLAIM = 'claim-held-by-this-test'
let weeks = 0

/** An invoice in `status`, claimed by CLAIM an hour ago (so only the status decides what may happen). */
async function invoiceIn(status: InvoiceStatus): Promise<Invoice> {
  const { id: contractId } = await contract
  const hourAgo = new Date(Date.now() - 60 * 60_000)
  const weekStart = new Date(Date.UTC(2020, 0, 6 + 7 * weeks++)).toISOString().slice(0, 10)
  const row = {
    id: crypto.randomUUID(),
    contractId,
    weekStart,
    minutes: 150,
    amountMinor: 10_000,
    reviewDueAt: hourAgo,
  }
  getDb()
    .insert(invoices)
    .values({ ...row, status, payableMinor: 10_000, chargeClaim: CLAIM, chargeClaimedAt: hourAgo })
    .run()
  return (await findInvoiceById(row.id))!
}

const line = { actorId: null, kind: 'invoice.test', detail: 'A move under test' }

/** Each move as its service runs it: the model's conditional update with the declared from-states. */
const TAKE: Record<InvoiceTransitionName, (invoice: Invoice) => Promise<boolean>> = {
  approve: (invoice) => decide(invoice, 'approve', 'approved'),
  dispute: (invoice) => decide(invoice, 'dispute', 'disputed'),
  auto_approve: (invoice) => decide(invoice, 'auto_approve', 'approved'),
  decide_payable: (invoice) => settle(invoice, 'decide_payable'),
  decide_nothing: (invoice) => settle(invoice, 'decide_nothing'),
  // A fresh claim (nothing counts as stale) and the take-over of a stale one are separate moves.
  start_charge: (invoice) => claim(invoice, fromStates(INVOICE_MACHINE, 'start_charge'), new Date(0)),
  pay_now: (invoice) => claim(invoice, fromStates(INVOICE_MACHINE, 'pay_now'), new Date(0)),
  reclaim_charge: (invoice) => claim(invoice, [], new Date(Date.now() - CHARGE_CLAIM_TIMEOUT_MS)),
  charge: async (invoice) => {
    const owner = await contract
    const split = splitInvoiceCharge(10_000, 10, 0)
    const at = new Date()
    const subject = { invoiceId: invoice.id, weekStart: invoice.weekStart, contract: owner }
    const recorded = await recordInvoicePaid({
      invoiceId: invoice.id,
      contractId: owner.id,
      payerId: owner.clientId,
      claim: CLAIM,
      source: 'card',
      card: { provider: 'sandbox', providerRef: null, last4: '4242' },
      split: { ...split, currency: 'USD' },
      posting: invoiceChargePosting(subject, split, 'card', '', at),
      line,
      at,
    })
    return recorded.paid
  },
  charge_declined: async (invoice) => {
    const owner = await contract
    const recorded = await recordInvoiceDeclined({
      invoiceId: invoice.id,
      contractId: owner.id,
      payerId: owner.clientId,
      claim: CLAIM,
      reason: 'Your card was declined.',
      cardAttempt: null,
      maxFailures: 3,
      pauseReason: 'Unpaid invoice',
      line,
      at: new Date(),
    })
    return recorded.recorded
  },
}

async function decide(invoice: Invoice, action: InvoiceTransitionName, decision: 'approved' | 'disputed') {
  const from = fromStates(INVOICE_MACHINE, action)
  const actorId = action === 'auto_approve' ? null : (await contract).clientId
  return decideInvoice({
    invoice,
    from,
    decision,
    actorId,
    detail: 'Decided',
    disputeReason: 'Too many hours',
    at: new Date(),
  })
}

async function settle(invoice: Invoice, action: 'decide_payable' | 'decide_nothing') {
  const to = toState(INVOICE_MACHINE, action)
  const input = {
    invoiceId: invoice.id,
    owedMinor: 5_000,
    to,
    from: fromStates(INVOICE_MACHINE, action),
    at: new Date(),
  }
  try {
    resolveInvoiceDispute(input)
    return true
  } catch {
    return false
  }
}

async function claim(invoice: Invoice, from: InvoiceStatus[], staleBefore: Date) {
  return (await claimInvoiceCharge({ invoiceId: invoice.id, from, staleBefore, at: new Date() })) !== null
}

const cases = INVOICE_STATUSES.flatMap((state) => actionsOf(INVOICE_MACHINE).map((action) => ({ state, action })))

describe('the invoice machine, walked through its guarded updates', () => {
  it.each(cases)('$action from $state', async ({ state, action }) => {
    const invoice = await invoiceIn(state)
    const done = await TAKE[action](invoice)
    const after = getDb().select().from(invoices).where(eq(invoices.id, invoice.id)).get()!
    const transition = INVOICE_MACHINE.transitions[action]
    if (transition.from.includes(state)) {
      expect(done).toBe(true)
      expect(after.status).toBe(transition.to)
    } else {
      expect(done).toBe(false)
      expect(after).toEqual(invoice)
    }
  })
})

import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { findContract } from '~/models/contracts.server'
import { getDb } from '~/models/db.server'
import { findDispute } from '~/models/disputes.server'
import { findInvoiceById, listInvoices } from '~/models/hourly.server'
import { balanceOf } from '~/models/ledger.server'
import { disputes, ledgerTransactions } from '~/models/schema'
import { decideDispute } from '~/services/marketplace/disputes.server'
import {
  logTime,
  payInvoiceNow,
  reviewInvoice,
  runHourlyCharging,
  sendWeeklyInvoice,
} from '~/services/marketplace/hourly.server'
import { createHourlyTestContract } from '~/test/hourly-contract'
import { clientDashboardFacts, freelancerDashboardFacts } from '~/models/dashboard-stats.server'
import { listNotifications } from '~/models/notifications.server'
import { listPaymentHistory } from '~/models/payment-history.server'
import { clientStatementMonths, freelancerStatementMonths } from '~/models/tax-statements.server'
import { createTestUser } from '~/test/users'
import { topUpWallet } from '~/test/wallet'
import { saveSandboxCard } from './saved-cards.server'
import { expectBalancedLedger } from '~/test/ledger-checks'
import { cardPaymentsForInvoice } from '~/test/card-payments'

// Wednesday 25 November 2026; the week of Monday the 16th is over and can be invoiced.
const NOW = new Date('2026-11-25T12:00:00Z')
const wallet = (ownerId: string) => ({ kind: 'wallet' as const, ownerId, currency: 'USD' })

/** A contract with a $100 invoice (2 h 30 min at $40) for the week of 16 November, pending review. */
async function invoicedContract() {
  const parties = await createHourlyTestContract()
  const logged = await logTime(
    parties.contract,
    { workDate: '2026-11-20', duration: '2:30', memo: 'Monitoring' },
    new Date('2026-11-21T12:00:00Z'),
  )
  expect(logged).toEqual({ ok: true })
  const invoice = await sendWeeklyInvoice(parties.contract, '2026-11-16', parties.freelancer.id, NOW)
  if (!invoice) throw new Error('no invoice')
  return { ...parties, invoice }
}

function chargesOf(invoiceId: string) {
  return getDb()
    .select()
    .from(ledgerTransactions)
    .where(eq(ledgerTransactions.idempotencyKey, `invoice:${invoiceId}:charge`))
    .all()
}

/** The client saves a sandbox test card (any future expiry and CVC) as of NOW. */
const saveCard = (clientId: string, number: string) =>
  saveSandboxCard(clientId, { number, expiry: '12/30', cvc: '123' }, NOW)

/** The client saves a test card, then approves the invoice, which charges it. */
async function approveWithCard(
  { client, contract, invoice }: Pick<Awaited<ReturnType<typeof invoicedContract>>, 'client' | 'contract' | 'invoice'>,
  number: string,
) {
  await saveCard(client.id, number)
  return reviewInvoice(contract, invoice.id, client.id, { kind: 'approve' }, NOW)
}

describe('charging an approved hourly invoice', () => {
  it('takes it from the client’s wallet and pays the freelancer less the 10% fee', async () => {
    const { client, freelancer, contract, invoice } = await invoicedContract()
    await topUpWallet(client.id, 150_00, NOW)
    const outcome = await reviewInvoice(contract, invoice.id, client.id, { kind: 'approve' }, NOW)
    expect(outcome).toEqual({
      ok: true,
      charge: { kind: 'paid', source: 'wallet', grossMinor: 100_00, netMinor: 90_00 },
    })
    expect(await balanceOf(wallet(client.id))).toBe(50_00)
    expect(await balanceOf(wallet(freelancer.id))).toBe(90_00)
    expect(await findInvoiceById(invoice.id)).toMatchObject({
      status: 'paid',
      chargedFrom: 'wallet',
      feeMinor: 10_00,
      netMinor: 90_00,
    })
    expect(chargesOf(invoice.id)).toHaveLength(1)
    await expectBalancedLedger()
  })

  it('charges the card on file when the wallet does not cover it', async () => {
    const { client, freelancer, contract, invoice } = await invoicedContract()
    await topUpWallet(client.id, 20_00, NOW)
    expect(await saveCard(client.id, '4242 4242 4242 4242')).toEqual({ ok: true })
    const outcome = await reviewInvoice(contract, invoice.id, client.id, { kind: 'approve' }, NOW)
    expect(outcome).toMatchObject({ ok: true, charge: { kind: 'paid', source: 'card' } })
    expect(await balanceOf(wallet(client.id))).toBe(20_00)
    expect(await balanceOf(wallet(freelancer.id))).toBe(90_00)
    const payments = cardPaymentsForInvoice(invoice.id)
    expect(payments).toMatchObject([{ status: 'succeeded', cardLast4: '4242', amountMinor: 100_00 }])
    await expectBalancedLedger()
  })

  it('charges once however many approvals and job runs race for the same invoice', async () => {
    const { client, freelancer, contract, invoice } = await invoicedContract()
    await topUpWallet(client.id, 1_000_00, NOW)
    await saveCard(client.id, '4242424242424242')
    const afterReview = new Date(invoice.reviewDueAt.getTime() + 1)
    const racers = Array.from({ length: 20 }, (_, index) =>
      index % 2 === 0
        ? reviewInvoice(contract, invoice.id, client.id, { kind: 'approve' }, afterReview)
        : runHourlyCharging(afterReview),
    )
    await Promise.all(racers)
    expect(chargesOf(invoice.id)).toHaveLength(1)
    expect(await balanceOf(wallet(client.id))).toBe(900_00)
    expect(await balanceOf(wallet(freelancer.id))).toBe(90_00)
    expect(cardPaymentsForInvoice(invoice.id)).toEqual([])
    expect((await findInvoiceById(invoice.id))?.status).toBe('paid')
    await expectBalancedLedger()
  })

  it('charges a card once when twenty approvals and job runs race (no second card charge parked in the wallet)', async () => {
    const { client, freelancer, contract, invoice } = await invoicedContract()
    await saveCard(client.id, '4242424242424242')
    const afterReview = new Date(invoice.reviewDueAt.getTime() + 1)
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        index % 2 === 0
          ? reviewInvoice(contract, invoice.id, client.id, { kind: 'approve' }, afterReview)
          : runHourlyCharging(afterReview),
      ),
    )
    expect(chargesOf(invoice.id)).toHaveLength(1)
    expect(cardPaymentsForInvoice(invoice.id)).toHaveLength(1)
    expect(await balanceOf(wallet(client.id))).toBe(0)
    expect(await balanceOf(wallet(freelancer.id))).toBe(90_00)
    await expectBalancedLedger()
  })

  it('charges an invoice left unreviewed when the job runs after the 5 days', async () => {
    const { client, freelancer, invoice } = await invoicedContract()
    await topUpWallet(client.id, 100_00, NOW)
    expect(await runHourlyCharging(new Date(invoice.reviewDueAt.getTime() - 60_000))).toEqual({
      autoApproved: 0,
      paid: 0,
      declined: 0,
    })
    expect(await runHourlyCharging(invoice.reviewDueAt)).toEqual({ autoApproved: 1, paid: 1, declined: 0 })
    expect(await runHourlyCharging(invoice.reviewDueAt)).toEqual({ autoApproved: 0, paid: 0, declined: 0 })
    expect(await balanceOf(wallet(freelancer.id))).toBe(90_00)
    await expectBalancedLedger()
  })
})

describe('a declined charge', () => {
  it('leaves the invoice "payment failed" with nothing moved, retries, pauses the contract, and resumes once paid', async () => {
    const { client, freelancer, contract, invoice } = await invoicedContract()
    const approved = await approveWithCard({ client, contract, invoice }, '4000 0000 0000 0341')
    expect(approved).toMatchObject({
      ok: true,
      charge: { kind: 'declined', message: 'Your card was declined.', paused: false },
    })
    expect(await findInvoiceById(invoice.id)).toMatchObject({
      status: 'payment_failed',
      chargeFailures: 1,
      chargeError: 'Your card was declined.',
    })
    expect(chargesOf(invoice.id)).toEqual([])
    expect(await balanceOf(wallet(freelancer.id))).toBe(0)
    expect(cardPaymentsForInvoice(invoice.id)).toMatchObject([{ status: 'failed', amountMinor: 100_00 }])

    // The job retries on each run; after the third failure (the default) the contract pauses.
    expect(await runHourlyCharging(NOW)).toMatchObject({ declined: 1 })
    expect(await runHourlyCharging(NOW)).toMatchObject({ declined: 1 })
    const paused = await findContract(contract.id)
    expect(paused?.hourlyPausedAt).toBeInstanceOf(Date)
    expect(paused?.hourlyPauseReason).toMatch(/failed 3 times/)
    expect(await logTime(paused!, { workDate: '2026-11-24', duration: '1', memo: 'More work' }, NOW)).toMatchObject({
      ok: false,
      reason: 'conflict',
      message: /paused/,
    })

    // The client fixes the card and pays now: charged once, the contract resumes.
    await saveCard(client.id, '5555 5555 5555 4444')
    expect(await payInvoiceNow(paused!, invoice.id, NOW)).toMatchObject({
      ok: true,
      charge: { kind: 'paid', source: 'card' },
    })
    expect(await balanceOf(wallet(freelancer.id))).toBe(90_00)
    expect((await findContract(contract.id))?.hourlyPausedAt).toBeNull()
    expect(await payInvoiceNow(paused!, invoice.id, NOW)).toMatchObject({ ok: false, reason: 'conflict' })
    await expectBalancedLedger()
  })
})

describe('a client with no card and an empty wallet', () => {
  // A client's wallet only receives refunds from escrow: nothing on the site adds money to it, so
  // the way to pay is a card, and that is what the client is told.
  it('is told to save a card, not to add money to the wallet', async () => {
    const { client, contract, invoice } = await invoicedContract()
    expect(await reviewInvoice(contract, invoice.id, client.id, { kind: 'approve' }, NOW)).toMatchObject({
      ok: true,
      charge: { kind: 'declined' },
    })
    const [note] = await listNotifications(client.id, { limit: 1, offset: 0 })
    expect(note?.title).toBe('Payment failed for the week of 16 Nov 2026 on “Support our API”')
    expect(note?.body).toMatch(
      /^Your wallet balance does not cover \$100 and no card is saved\. To fix it, save a card at \/settings\/billing\/card/,
    )
    expect(note?.body).not.toMatch(/add money/i)
    // Which works: a saved card, then "Pay now".
    await saveCard(client.id, '4242 4242 4242 4242')
    expect(await payInvoiceNow(contract, invoice.id, NOW)).toMatchObject({
      ok: true,
      charge: { kind: 'paid', source: 'card' },
    })
  })
})

describe('a disputed invoice', () => {
  it('is not charged; a split decision charges exactly the decided amount', async () => {
    const { client, freelancer, contract, invoice } = await invoicedContract()
    await topUpWallet(client.id, 500_00, NOW)
    const reason = 'Monitoring was already set up by our own team.'
    expect(await reviewInvoice(contract, invoice.id, client.id, { kind: 'dispute', reason }, NOW)).toEqual({
      ok: true,
      charge: null,
    })
    expect(await runHourlyCharging(new Date(invoice.reviewDueAt.getTime() + 86_400_000))).toEqual({
      autoApproved: 0,
      paid: 0,
      declined: 0,
    })
    expect(chargesOf(invoice.id)).toEqual([])

    const dispute = getDb().select().from(disputes).where(eq(disputes.invoiceId, invoice.id)).get()
    const found = await findDispute(dispute!.id)
    const admin = await createTestUser('admin')
    const decided = await decideDispute(
      { id: admin.id, name: 'Admin', role: 'admin' },
      found!,
      { decision: 'split', freelancerShareMinor: 25_00, reason: 'Only the alerting work was asked for.' },
      null,
      NOW,
    )
    expect(decided).toEqual({ ok: true })
    expect(await findInvoiceById(invoice.id)).toMatchObject({
      status: 'paid',
      amountMinor: 100_00,
      payableMinor: 25_00,
      feeMinor: 2_50,
      netMinor: 22_50,
    })
    expect(await balanceOf(wallet(client.id))).toBe(475_00)
    expect(await balanceOf(wallet(freelancer.id))).toBe(22_50)
    expect(chargesOf(invoice.id)).toHaveLength(1)
    await expectBalancedLedger()
  })

  it('charges nothing when the decision is that nothing is owed', async () => {
    const { client, freelancer, contract, invoice } = await invoicedContract()
    await topUpWallet(client.id, 500_00, NOW)
    await reviewInvoice(
      contract,
      invoice.id,
      client.id,
      { kind: 'dispute', reason: 'None of this work was asked for.' },
      NOW,
    )
    const dispute = getDb().select().from(disputes).where(eq(disputes.invoiceId, invoice.id)).get()
    const admin = await createTestUser('admin')
    await decideDispute(
      { id: admin.id, name: 'Admin', role: 'admin' },
      (await findDispute(dispute!.id))!,
      { decision: 'refund', freelancerShareMinor: null, reason: 'Not asked for.' },
      null,
      NOW,
    )
    expect((await listInvoices(contract.id))[0]).toMatchObject({ status: 'void', payableMinor: 0 })
    expect(await runHourlyCharging(NOW)).toEqual({ autoApproved: 0, paid: 0, declined: 0 })
    expect(await balanceOf(wallet(client.id))).toBe(500_00)
    expect(await balanceOf(wallet(freelancer.id))).toBe(0)
    await expectBalancedLedger()
  })
})

describe('money pages', () => {
  it('show a paid hourly invoice in payment history, statements and both dashboards', async () => {
    const { client, freelancer, contract, invoice } = await invoicedContract()
    await approveWithCard({ client, contract, invoice }, '4242424242424242')
    const earned = await listPaymentHistory(freelancer.id, { type: 'hourly' }, { limit: 10, offset: 0 })
    expect(earned.rows).toMatchObject([
      { type: 'hourly', account: 'wallet', amountMinor: 90_00, contractId: contract.id },
    ])
    const paid = await listPaymentHistory(client.id, {}, { limit: 10, offset: 0 })
    expect(paid.rows).toMatchObject([
      { type: 'card_payment', amountMinor: -100_00, status: 'completed', contractId: contract.id },
    ])
    expect(paid.rows[0]?.description).toBe(
      'Card payment for the hourly invoice of the week of 2026-11-16 (card ending 4242)',
    )
    const year = NOW.getUTCFullYear()
    expect(await freelancerStatementMonths(freelancer.id, year)).toMatchObject([
      { grossMinor: 100_00, feesMinor: 10_00, netMinor: 90_00 },
    ])
    expect(await clientStatementMonths(client.id, year)).toMatchObject([{ fundedMinor: 100_00, feesMinor: 10_00 }])
    expect((await clientDashboardFacts(client.id)).work.paid).toEqual([{ currency: 'USD', amountMinor: 100_00 }])
    expect((await freelancerDashboardFacts(freelancer.id)).work.earned).toEqual([
      { currency: 'USD', amountMinor: 90_00 },
    ])
  })
})

import crypto from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { findMilestone } from '~/models/contracts.server'
import { writeLedgerTransaction } from '~/models/ledger.server'
import { loader as csvLoader } from '~/routes/payments[.]csv'
import { loader as pageLoader } from '~/routes/_portal.payments'
import { loader as adminLoader } from '~/routes/_portal.admin.users.$userId_.payments'
import { performMilestoneAction } from '~/services/marketplace/contracts.server'
import { cardToWalletPosting } from '~/services/payments/ledger/escrow-postings'
import { payMilestoneByCard, createSandboxMilestonePayment } from '~/services/payments/ledger/escrow.server'
import { payoutPosting } from '~/services/payments/ledger/payout-postings'
import { insertFixedContract } from './escrow-fixtures'
import { getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

const GOOD = { number: '4242 4242 4242 4242', expiry: '12/40', cvc: '123' }
const DECLINED = { number: '4000 0000 0000 0002', expiry: '12/40', cvc: '123' }

type Page = {
  total: number
  rows: {
    type: string
    account: string
    description: string
    amountMinor: number
    currency: string
    status: string
    countsInNet: boolean
  }[]
  net: { currency: string; netMinor: number; approx?: unknown }[]
}

let clientCookie = ''
let freelancerCookie = ''
let clientId = ''

async function page(query: string, cookie = clientCookie): Promise<Page> {
  const response = await run(pageLoader, getRequest(`/payments${query}`, cookie))
  expect(response.status).toBe(200)
  return (await response.json()) as Page
}

beforeAll(async () => {
  const client = { ...(await createTestUser('client', { name: 'Clara' })), role: 'client' }
  const freelancer = { ...(await createTestUser('freelancer', { name: 'Felix' })), role: 'freelancer' }
  clientId = client.id
  clientCookie = await signedInCookie(client.id)
  freelancerCookie = await signedInCookie(freelancer.id)
  const { contract, milestoneIds } = await insertFixedContract({
    clientId: client.id,
    freelancerId: freelancer.id,
    amounts: [50_000, 20_000],
    title: 'Logo design',
  })
  const [first = '', second = ''] = milestoneIds
  const pay = async (milestoneId: string, card: typeof GOOD) => {
    const payment = await createSandboxMilestonePayment(
      contract,
      (await findMilestone(contract.id, milestoneId))!,
      new Date(),
    )
    await payMilestoneByCard(payment, contract, card, 'Clara')
  }
  await pay(first, GOOD)
  await pay(second, DECLINED)
  await performMilestoneAction(freelancer, contract, 'freelancer', first, 'submit', { note: 'Done' })
  await performMilestoneAction(client, contract, 'client', first, 'approve', {})
  writeLedgerTransaction(
    payoutPosting(
      {
        id: crypto.randomUUID(),
        userId: freelancer.id,
        amountMinor: 10_000,
        feeMinor: 100,
        currency: 'USD',
        rail: 'crypto',
      },
      new Date(),
    ),
  )
  // An old top-up in another currency, for the date and currency filters.
  writeLedgerTransaction(
    cardToWalletPosting(
      { id: crypto.randomUUID(), userId: client.id, amountMinor: 3_000, currency: 'EUR' },
      'Top-up from January',
      new Date(Date.UTC(2025, 0, 15)),
    ),
  )
})

describe('payment history', () => {
  it('lists every movement touching the client, declined card attempts included, with the net per currency', async () => {
    const data = await page('')
    const summary = data.rows.map(
      (row) => `${row.type}/${row.account}/${row.status}/${row.amountMinor} ${row.currency}`,
    )
    expect(summary).toEqual(
      expect.arrayContaining([
        'card_payment/card/completed/-50000 USD',
        'card_payment/card/declined/-20000 USD',
        'escrow_funding/escrow/completed/50000 USD',
        'release/escrow/completed/-50000 USD',
        'top_up/wallet/completed/3000 EUR',
      ]),
    )
    expect(data.total).toBe(5)
    expect(data.rows.find((row) => row.status === 'declined')?.description).toBe(
      'Card payment for “Part 2”: Your card was declined.',
    )
    // Paid 500 by card; the escrow rows are the same money and not counted again. The January
    // top-up is a card payment too, but recorded straight in the ledger (no card payment row).
    expect(data.net).toEqual([
      { currency: 'EUR', approx: null, netMinor: 3_000, inMinor: 3_000, outMinor: 0 },
      { currency: 'USD', approx: null, netMinor: -50_000, inMinor: 0, outMinor: 50_000 },
    ])
  })

  it('shows the freelancer the release less the fee and the payout', async () => {
    const data = await page('', freelancerCookie)
    expect(data.rows.filter((row) => row.account === 'wallet').map((row) => `${row.type} ${row.amountMinor}`)).toEqual([
      'payout -10000',
      'release 45000',
    ])
    expect(data.net).toEqual([{ currency: 'USD', approx: null, netMinor: 35_000, inMinor: 45_000, outMinor: 10_000 }])
  })

  it('filters by type, status, currency, dates and searches descriptions', async () => {
    expect((await page('?type=card_payment&status=declined')).rows.map((row) => row.description)).toEqual([
      'Card payment for “Part 2”: Your card was declined.',
    ])
    expect((await page('?currency=eur')).rows.map((row) => row.description)).toEqual(['Top-up from January'])
    expect((await page('?from=2025-01-01&to=2025-01-15')).rows.map((row) => row.description)).toEqual([
      'Top-up from January',
    ])
    expect((await page('?from=2025-01-16&to=2025-01-31')).total).toBe(0)
    const search = await page('?q=part%202')
    expect(search.rows.map((row) => row.status)).toEqual(['declined'])
    expect(search.net).toEqual([])
    expect((await page('?q=100%25')).total).toBe(0)
  })

  it('exports the filtered rows as CSV', async () => {
    const response = await run(csvLoader, getRequest('/payments.csv?type=card_payment', clientCookie))
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="megilance-payments-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    const lines = (await response.text()).trim().split('\n')
    expect(lines[0]).toBe('Date (UTC),Type,Account,Description,Amount,Currency,Status,Counts in net,Reference')
    expect(lines).toHaveLength(3)
    expect(lines.slice(1).map((line) => line.split(',').slice(1, 2).concat(line.split(',').slice(-5, -2)))).toEqual([
      ['Card payment', '-200.00', 'USD', 'Declined'],
      ['Card payment', '-500.00', 'USD', 'Completed'],
    ])
  })

  it('pages through 25 at a time, newest first, with the net over all matching rows', async () => {
    const saver = await createTestUser('client')
    for (let day = 1; day <= 30; day++) {
      writeLedgerTransaction(
        cardToWalletPosting(
          { id: crypto.randomUUID(), userId: saver.id, amountMinor: 100, currency: 'USD' },
          `Top-up ${day}`,
          new Date(Date.UTC(2026, 0, day)),
        ),
      )
    }
    const cookie = await signedInCookie(saver.id)
    const first = await page('', cookie)
    expect(first.rows).toHaveLength(25)
    expect(first.rows[0]?.description).toBe('Top-up 30')
    expect(first.net).toEqual([{ currency: 'USD', approx: null, netMinor: 3_000, inMinor: 3_000, outMinor: 0 }])
    const second = await page('?page=2', cookie)
    expect(second.total).toBe(30)
    expect(second.rows.map((row) => row.description)).toEqual([
      'Top-up 5',
      'Top-up 4',
      'Top-up 3',
      'Top-up 2',
      'Top-up 1',
    ])
  })

  it('is for clients and freelancers, and each sees only their own', async () => {
    const admin = await createTestUser('admin')
    expect((await run(pageLoader, getRequest('/payments', await signedInCookie(admin.id)))).status).toBe(403)
    const stranger = await createTestUser('client')
    expect((await page('', await signedInCookie(stranger.id))).total).toBe(0)
  })

  it("shows an admin a client's or freelancer's history as they see it, filters included; others get 403", async () => {
    const admin = await createTestUser('admin')
    const adminCookie = await signedInCookie(admin.id, { secondFactorAt: new Date() })
    const asAdmin = async (query: string, id = clientId) =>
      run(adminLoader, getRequest(`/admin/users/${id}/payments${query}`, adminCookie), { userId: id })
    for (const query of ['', '?status=declined&currency=USD']) {
      const response = await asAdmin(query)
      expect(response.status).toBe(200)
      const { history } = (await response.json()) as { history: Page }
      const own = await page(query)
      expect(history.total).toBe(own.total)
      expect(history.rows).toEqual(own.rows)
      // The admin reads the exact nets only: a member's approximate amounts are their own preference.
      expect(history.net).toEqual(own.net.map(({ approx: _approx, ...net }) => net))
    }
    expect((await asAdmin('', crypto.randomUUID())).status).toBe(404)
    const member = await run(adminLoader, getRequest(`/admin/users/${clientId}/payments`, clientCookie), {
      userId: clientId,
    })
    expect(member.status).toBe(403)
  })
})

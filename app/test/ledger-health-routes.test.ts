import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { writeLedgerTransaction } from '~/models/ledger.server'
import { ledgerAccounts, ledgerEntries, ledgerTransactions } from '~/models/schema'
import { loader } from '~/routes/_portal.admin.ledger'
import { cardToWalletPosting } from '~/services/payments/ledger/escrow-postings'
import { getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

type Health = {
  healthy: boolean
  checks: { id: string; ok: boolean; broken: number }[]
  currencySums: { currency: string; sumMinor: number }[]
  badTransactions: { transactionId: string }[]
  negatives: { ownerId: string; balanceMinor: number }[]
  totals: { kind: string; currency: string; balanceMinor: number }[]
  latest: { id: string; entries: { kind: string; amountMinor: number }[] }[]
}

async function health(cookie: string): Promise<Health> {
  const response = await run(loader, getRequest('/admin/ledger', cookie))
  expect(response.status).toBe(200)
  return (await response.json()) as Health
}

const statusOf = (data: Health) =>
  Object.fromEntries(data.checks.map((check) => [check.id, check.ok ? 'OK' : `broken ${check.broken}`]))

describe('admin ledger health page', () => {
  it('is for admins only', async () => {
    const client = await createTestUser('client')
    expect((await run(loader, getRequest('/admin/ledger', await signedInCookie(client.id)))).status).toBe(403)
  })

  it('shows every invariant OK, the totals and the latest transactions with their entries', async () => {
    const admin = await createTestUser('admin')
    const client = await createTestUser('client', { name: 'Wanda' })
    const { transactionId } = writeLedgerTransaction(
      cardToWalletPosting(
        { id: crypto.randomUUID(), userId: client.id, amountMinor: 7_500, currency: 'EUR' },
        'Top-up',
        new Date(),
      ),
    )
    const data = await health(await signedInCookie(admin.id))
    expect(data.healthy).toBe(true)
    expect(statusOf(data)).toEqual({ currencies: 'OK', transactions: 'OK', holdings: 'OK' })
    expect(data.totals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'wallet', currency: 'EUR', balanceMinor: 7_500 }),
        expect.objectContaining({ kind: 'clearing_card', currency: 'EUR', balanceMinor: -7_500 }),
      ]),
    )
    const latest = data.latest.find((transaction) => transaction.id === transactionId)
    expect(latest?.entries.map((entry) => [entry.kind, entry.amountMinor])).toEqual([
      ['clearing_card', -7_500],
      ['wallet', 7_500],
    ])
  })

  it('shows a deliberately broken entry as broken, with what is wrong', async () => {
    const admin = await createTestUser('admin')
    const victim = await createTestUser('freelancer', { name: 'Bruno' })
    const db = getDb()
    // Written around writeLedgerTransaction on purpose: one entry alone, taking a wallet below zero.
    const accountId = crypto.randomUUID()
    const transactionId = crypto.randomUUID()
    db.insert(ledgerAccounts)
      .values({ id: accountId, kind: 'wallet', ownerId: victim.id, currency: 'GBP', createdAt: new Date() })
      .run()
    db.insert(ledgerTransactions)
      .values({
        id: transactionId,
        idempotencyKey: `broken:${transactionId}`,
        kind: 'manual',
        description: 'A broken entry',
        createdAt: new Date(),
      })
      .run()
    db.insert(ledgerEntries).values({ transactionId, accountId, amountMinor: -1_234, currency: 'GBP' }).run()

    const data = await health(await signedInCookie(admin.id))
    expect(data.healthy).toBe(false)
    expect(statusOf(data)).toEqual({ currencies: 'broken 1', transactions: 'broken 1', holdings: 'broken 1' })
    expect(data.currencySums).toEqual([{ currency: 'GBP', sumMinor: -1_234 }])
    expect(data.badTransactions.map((row) => row.transactionId)).toEqual([transactionId])
    expect(data.negatives).toEqual([expect.objectContaining({ ownerId: victim.id, balanceMinor: -1_234 })])
  })
})

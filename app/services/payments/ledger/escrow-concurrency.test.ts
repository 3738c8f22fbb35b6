import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { findContract, findMilestone } from '~/models/contracts.server'
import { getDb } from '~/models/db.server'
import { balanceOf, checkLedgerInvariants, PLATFORM_OWNER, writeLedgerTransaction } from '~/models/ledger.server'
import { ledgerTransactions } from '~/models/schema'
import { endContract, performMilestoneAction } from '~/services/marketplace/contracts.server'
import { insertFixedContract } from '~/test/escrow-fixtures'
import { createTestUser } from '~/test/users'
import { cardToWalletPosting } from './escrow-postings'
import { findPayment, payMilestoneByCard, refundMilestone, createSandboxMilestonePayment } from './escrow.server'

/*
 * Twenty requests for the same money movement arriving at once (double clicks, retries, several
 * tabs) move the money once. Each request awaits its reads before it writes, so Promise.all
 * interleaves them the way concurrent HTTP requests interleave in the one Node process.
 */

const TWENTY = 20
const CARD = { number: '4242 4242 4242 4242', expiry: '12/40', cvc: '123' }

async function setUp(amount: number) {
  const client = { ...(await createTestUser('client', { name: 'Clara' })), role: 'client' }
  const freelancer = { ...(await createTestUser('freelancer', { name: 'Felix' })), role: 'freelancer' }
  const { contract, milestoneIds } = await insertFixedContract({
    clientId: client.id,
    freelancerId: freelancer.id,
    amounts: [amount],
  })
  return { client, freelancer, contract, milestoneId: milestoneIds[0]! }
}

const wallet = (ownerId: string) => balanceOf({ kind: 'wallet', ownerId, currency: 'USD' })
const escrow = (contractId: string) => balanceOf({ kind: 'escrow', ownerId: contractId, currency: 'USD' })
const movesOf = (milestoneId: string) =>
  getDb()
    .select({ kind: ledgerTransactions.kind })
    .from(ledgerTransactions)
    .where(eq(ledgerTransactions.milestoneId, milestoneId))
    .all()
    .map((move) => move.kind)
    .sort()

async function topUp(userId: string, amountMinor: number) {
  writeLedgerTransaction(
    cardToWalletPosting(
      { id: crypto.randomUUID(), userId, amountMinor, currency: 'USD' },
      'Top-up for the test',
      new Date(),
    ),
  )
}

async function fundByCard(setup: Awaited<ReturnType<typeof setUp>>) {
  const milestone = (await findMilestone(setup.contract.id, setup.milestoneId))!
  const payment = await createSandboxMilestonePayment(setup.contract, milestone, new Date())
  await payMilestoneByCard(payment, setup.contract, CARD, 'Clara')
  return payment
}

const CLEAN = { unbalancedCurrencies: [], negativeAccounts: 0, unbalancedTransactions: 0 }

describe('twenty parallel requests for one milestone move money once', () => {
  it('twenty approvals release the escrow once: the freelancer gets the net once, one escrow.release', async () => {
    const setup = await setUp(30_000)
    await fundByCard(setup)
    await performMilestoneAction(setup.freelancer, setup.contract, 'freelancer', setup.milestoneId, 'submit', {
      note: 'Done',
    })
    const revenueBefore = await balanceOf({ kind: 'platform_revenue', ownerId: PLATFORM_OWNER, currency: 'USD' })

    const results = await Promise.all(
      Array.from({ length: TWENTY }, () =>
        performMilestoneAction(setup.client, setup.contract, 'client', setup.milestoneId, 'approve', {}),
      ),
    )

    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok && result.reason === 'conflict')).toHaveLength(TWENTY - 1)
    expect(await wallet(setup.freelancer.id)).toBe(27_000)
    expect(await escrow(setup.contract.id)).toBe(0)
    expect(
      (await balanceOf({ kind: 'platform_revenue', ownerId: PLATFORM_OWNER, currency: 'USD' })) - revenueBefore,
    ).toBe(3_000)
    expect(movesOf(setup.milestoneId)).toEqual(['escrow.fund', 'escrow.release'])
    expect(await checkLedgerInvariants()).toEqual(CLEAN)
  })

  it('twenty fundings from the wallet take the balance once and put it in escrow once', async () => {
    const setup = await setUp(10_000)
    await topUp(setup.client.id, 25_000)

    const results = await Promise.all(
      Array.from({ length: TWENTY }, () =>
        performMilestoneAction(setup.client, setup.contract, 'client', setup.milestoneId, 'fund', { method: 'wallet' }),
      ),
    )

    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(await wallet(setup.client.id)).toBe(15_000)
    expect(await escrow(setup.contract.id)).toBe(10_000)
    expect((await findMilestone(setup.contract.id, setup.milestoneId))?.status).toBe('funded')
    expect(movesOf(setup.milestoneId)).toEqual(['escrow.fund'])
    expect(await checkLedgerInvariants()).toEqual(CLEAN)
  })

  it('twenty payments of the same checkout charge and fund once', async () => {
    const setup = await setUp(12_000)
    const milestone = (await findMilestone(setup.contract.id, setup.milestoneId))!
    const payment = await createSandboxMilestonePayment(setup.contract, milestone, new Date())
    const clearingBefore = await balanceOf({ kind: 'clearing_card', ownerId: PLATFORM_OWNER, currency: 'USD' })

    const results = await Promise.all(
      Array.from({ length: TWENTY }, async () =>
        payMilestoneByCard((await findPayment(payment.id))!, setup.contract, CARD, 'Clara'),
      ),
    )

    expect(results.every((result) => result.ok)).toBe(true)
    expect(await escrow(setup.contract.id)).toBe(12_000)
    expect(await wallet(setup.client.id)).toBe(0)
    expect(
      (await balanceOf({ kind: 'clearing_card', ownerId: PLATFORM_OWNER, currency: 'USD' })) - clearingBefore,
    ).toBe(-12_000)
    expect(movesOf(setup.milestoneId)).toEqual(['escrow.fund'])
    expect(await checkLedgerInvariants()).toEqual(CLEAN)
  })

  it('twenty refunds of the same milestone return the money to the client once', async () => {
    const setup = await setUp(8_000)
    await fundByCard(setup)
    const line = { actorId: null, kind: 'milestone.refunded', detail: 'Refunded.' }

    const results = await Promise.all(
      Array.from({ length: TWENTY }, async () =>
        refundMilestone(setup.contract, (await findMilestone(setup.contract.id, setup.milestoneId))!, line, new Date()),
      ),
    )

    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await wallet(setup.client.id)).toBe(8_000)
    expect(await escrow(setup.contract.id)).toBe(0)
    expect(movesOf(setup.milestoneId)).toEqual(['escrow.fund', 'escrow.refund'])
    expect(await checkLedgerInvariants()).toEqual(CLEAN)
  })

  it('twenty requests to end the contract end it once and refund its funded milestone once', async () => {
    const setup = await setUp(9_000)
    await fundByCard(setup)

    const results = await Promise.all(
      Array.from({ length: TWENTY }, () => endContract(setup.client, setup.contract, 'Plans changed')),
    )

    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok && result.reason === 'conflict')).toHaveLength(TWENTY - 1)
    expect((await findContract(setup.contract.id))?.status).toBe('ended')
    expect(await wallet(setup.client.id)).toBe(9_000)
    expect(movesOf(setup.milestoneId)).toEqual(['escrow.fund', 'escrow.refund'])
    expect(await checkLedgerInvariants()).toEqual(CLEAN)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCardPayment, markCardPaymentSucceeded } from '~/models/card-payments.server'
import { changeMilestone, findMilestone, type Contract } from '~/models/contracts.server'
import { getDb } from '~/models/db.server'
import type { LedgerAccountKind, MilestoneStatus } from '~/domain/enums'
import {
  balanceOf,
  LedgerViolation,
  PLATFORM_OWNER,
  writeLedgerTransaction,
  type LedgerPosting,
} from '~/models/ledger.server'
import { insertFixedContract } from '~/test/escrow-fixtures'
import { createTestUser } from '~/test/users'
import { cardToWalletPosting } from './escrow-postings'
import {
  findPayment,
  fundMilestoneFromWallet,
  payMilestoneByCard,
  platformFeePercent,
  refundMilestone,
  releaseMilestone,
  resolveDisputedMilestone,
  createSandboxMilestonePayment,
} from './escrow.server'
import { splitPlatformFee } from './fees'
import { payoutPosting, payoutReversalPosting, type PayoutSubject } from './payout-postings'
import { expectBalancedLedger } from '~/test/ledger-checks'

/*
 * Random sequences of every money movement the product makes, driven through the real services on
 * the test database. After each step the ledger's invariants hold and every balance equals what a
 * simple model of the same steps predicts; invalid steps (funding twice, releasing unfunded work,
 * paying out more than the balance, repeating an idempotency key) change nothing.
 */

const GOOD_CARD = { number: '4242 4242 4242 4242', expiry: '12/40', cvc: '123' }
const DECLINED_CARD = { number: '4000 0000 0000 0002', expiry: '12/40', cvc: '123' }
const CURRENCIES = ['USD', 'EUR'] as const
const PLATFORM_KINDS: LedgerAccountKind[] = ['platform_revenue', 'clearing_card', 'clearing_bank', 'clearing_crypto']
const MILESTONES = 9

type Step =
  | { t: 'fundCard'; m: Target; declined: boolean }
  | { t: 'repayCheckout'; k: number }
  | { t: 'fundWallet'; m: Target }
  | { t: 'topUp'; u: number; cur: number; amount: number }
  | { t: 'submit'; m: Target }
  | { t: 'release'; m: Target }
  | { t: 'refund'; m: Target }
  | { t: 'split'; m: Target; permille: number }
  | {
      t: 'payout'
      fitting: boolean
      u: number
      cur: number
      permille: number
      feePermille: number
      rail: 'bank' | 'crypto'
    }
  | { t: 'reversePayout'; k: number }
  | { t: 'replay'; k: number }

/**
 * Which milestone a step acts on: mostly one whose state allows the step (so sequences get as far
 * as releases and payouts), sometimes any milestone at all (so invalid steps are tried too).
 */
const milestoneIndex = fc.record({
  fitting: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  index: fc.nat(MILESTONES - 1),
})
type Target = { fitting: boolean; index: number }
// Weighted so that a typical sequence funds, submits and pays out work, not only refusals.
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('fundCard' as const),
      m: milestoneIndex,
      declined: fc.nat(3).map((n) => n === 0),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('repayCheckout' as const), k: fc.nat(40) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('fundWallet' as const), m: milestoneIndex }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('topUp' as const),
      u: fc.nat(1),
      cur: fc.nat(1),
      amount: fc.integer({ min: 1, max: 150_000 }),
    }),
  },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('submit' as const), m: milestoneIndex }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('release' as const), m: milestoneIndex }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('refund' as const), m: milestoneIndex }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('split' as const),
      m: milestoneIndex,
      permille: fc.integer({ min: 0, max: 1000 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('payout' as const),
      // Mostly from a wallet that has money; otherwise from anyone's, often empty.
      fitting: fc.nat(3).map((n) => n > 0),
      u: fc.nat(3),
      cur: fc.nat(1),
      // Above 1000 asks for more than the balance, which must be refused.
      permille: fc.integer({ min: 1, max: 1500 }),
      feePermille: fc.integer({ min: 0, max: 100 }),
      rail: fc.constantFrom('bank' as const, 'crypto' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('reversePayout' as const), k: fc.nat(40) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('replay' as const), k: fc.nat(80) }) },
)

/** A milestone's whole life in a row (fund, submit, then pay out one way), so most runs get that far. */
const lifeArb: fc.Arbitrary<Step[]> = fc
  .record({
    index: fc.nat(MILESTONES - 1),
    byCard: fc.boolean(),
    end: fc.constantFrom('release' as const, 'refund' as const, 'split' as const),
    permille: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ index, byCard, end, permille }) => {
    const m = { fitting: true, index }
    const fund: Step = byCard ? { t: 'fundCard', m, declined: false } : { t: 'fundWallet', m }
    const last: Step = end === 'split' ? { t: 'split', m, permille } : { t: end, m }
    const payout: Step = {
      t: 'payout',
      fitting: true,
      u: index,
      cur: 0,
      permille: 1 + (permille % 1000),
      feePermille: permille % 50,
      rail: byCard ? 'bank' : 'crypto',
    }
    return end === 'refund' ? [fund, last] : [fund, { t: 'submit', m }, last, payout]
  })

/** Up to 30 steps: single random steps mixed with milestone lives. */
const sequenceArb = fc
  .array(fc.oneof({ weight: 3, arbitrary: stepArb.map((step) => [step]) }, { weight: 1, arbitrary: lifeArb }), {
    minLength: 5,
    maxLength: 20,
    size: 'max',
  })
  .map((chunks) => chunks.flat().slice(0, 30))

/** The states in which each milestone step is allowed. */
const FITS: Record<'fundCard' | 'fundWallet' | 'submit' | 'release' | 'refund' | 'split', MilestoneStatus[]> = {
  fundCard: ['pending'],
  fundWallet: ['pending'],
  submit: ['funded'],
  release: ['submitted'],
  refund: ['funded'],
  split: ['funded', 'submitted'],
}

/** What the test expects the ledger to say, kept by plain arithmetic. */
class Model {
  wallets = new Map<string, number>()
  escrows = new Map<string, number>()
  platform = new Map<string, number>()
  status = new Map<string, MilestoneStatus>()
  add(map: Map<string, number>, key: string, amount: number) {
    map.set(key, (map.get(key) ?? 0) + amount)
  }
  wallet(userId: string, currency: string) {
    return this.wallets.get(`${userId}:${currency}`) ?? 0
  }
}

async function platformBalances(): Promise<Map<string, number>> {
  const result = new Map<string, number>()
  for (const kind of PLATFORM_KINDS) {
    for (const currency of CURRENCIES)
      result.set(`${kind}:${currency}`, await balanceOf({ kind, ownerId: PLATFORM_OWNER, currency }))
  }
  return result
}

async function setUpWorld(amounts: number[]) {
  const clients = [await createTestUser('client'), await createTestUser('client')]
  const freelancers = [await createTestUser('freelancer'), await createTestUser('freelancer')]
  const pairs: [number, number, string][] = [
    [0, 0, 'USD'],
    [1, 1, 'EUR'],
    [0, 1, 'USD'],
  ]
  const slots: { contract: Contract; milestoneId: string; amount: number }[] = []
  for (const [index, [c, f, currency]] of pairs.entries()) {
    const own = amounts.slice(index * 3, index * 3 + 3)
    const { contract, milestoneIds } = await insertFixedContract({
      clientId: clients[c]!.id,
      freelancerId: freelancers[f]!.id,
      currency,
      amounts: own,
    })
    milestoneIds.forEach((milestoneId, position) => slots.push({ contract, milestoneId, amount: own[position]! }))
  }
  return {
    clients,
    freelancers,
    users: [...clients, ...freelancers],
    slots,
    contracts: [...new Set(slots.map((slot) => slot.contract))],
  }
}

/** Each run starts from an empty ledger so the whole-ledger checks stay quick. */
function emptyLedger() {
  getDb().$client.exec(
    'delete from card_payments; delete from ledger_entries; delete from ledger_transactions; delete from ledger_accounts;',
  )
}

async function runSequence(amounts: number[], steps: Step[]) {
  emptyLedger()
  const world = await setUpWorld(amounts)
  const model = new Model()
  for (const slot of world.slots) model.status.set(slot.milestoneId, 'pending')
  const baseline = await platformBalances()
  const postings: LedgerPosting[] = []
  const payments: string[] = []
  const payouts: { subject: PayoutSubject; reversed: boolean }[] = []
  const feePercent = platformFeePercent()
  const now = () => new Date()

  const moveShares = (slot: (typeof world.slots)[number], toFreelancer: number, toClient: number) => {
    const { contract } = slot
    const fee = splitPlatformFee(toFreelancer, feePercent)
    model.add(model.escrows, contract.id, -(toFreelancer + toClient))
    model.add(model.wallets, `${contract.freelancerId}:${contract.currency}`, fee.netMinor)
    model.add(model.platform, `platform_revenue:${contract.currency}`, fee.feeMinor)
    model.add(model.wallets, `${contract.clientId}:${contract.currency}`, toClient)
  }
  const fundedByCard = (slot: (typeof world.slots)[number]) => {
    const { contract } = slot
    model.add(model.platform, `clearing_card:${contract.currency}`, -slot.amount)
    if (model.status.get(slot.milestoneId) === 'pending') {
      model.status.set(slot.milestoneId, 'funded')
      model.add(model.escrows, contract.id, slot.amount)
    } else {
      // Paid after the milestone was funded another way: the money lands in the client's wallet.
      model.add(model.wallets, `${contract.clientId}:${contract.currency}`, slot.amount)
    }
  }

  async function apply(step: Step) {
    const line = { actorId: null, kind: 'test', detail: 'property test' }
    if ('m' in step) {
      const fitting = world.slots.filter((candidate) => FITS[step.t].includes(model.status.get(candidate.milestoneId)!))
      const slot =
        step.m.fitting && fitting.length ? fitting[step.m.index % fitting.length]! : world.slots[step.m.index]!
      const milestone = (await findMilestone(slot.contract.id, slot.milestoneId))!
      const status = model.status.get(slot.milestoneId)!
      if (step.t === 'fundCard') {
        const payment = await createSandboxMilestonePayment(slot.contract, milestone, now())
        payments.push(payment.id)
        const outcome = await payMilestoneByCard(
          payment,
          slot.contract,
          step.declined ? DECLINED_CARD : GOOD_CARD,
          'Client',
        )
        expect(outcome.ok).toBe(!step.declined)
        if (!step.declined) fundedByCard(slot)
      } else if (step.t === 'fundWallet') {
        const result = fundMilestoneFromWallet(slot.contract, milestone, line, now())
        const enough = model.wallet(slot.contract.clientId, slot.contract.currency) >= slot.amount
        expect(result).toBe(status !== 'pending' ? 'not_pending' : enough ? 'funded' : 'insufficient')
        if (result === 'funded') {
          model.status.set(slot.milestoneId, 'funded')
          model.add(model.wallets, `${slot.contract.clientId}:${slot.contract.currency}`, -slot.amount)
          model.add(model.escrows, slot.contract.id, slot.amount)
        }
      } else if (step.t === 'submit') {
        const changed = changeMilestone({
          milestone,
          from: ['funded'],
          set: { status: 'submitted', submittedAt: now() },
          lines: [line],
          at: now(),
        })
        expect(changed).toBe(status === 'funded')
        if (changed) model.status.set(slot.milestoneId, 'submitted')
      } else if (step.t === 'release') {
        const released = releaseMilestone(slot.contract, milestone, [line], now())
        expect(released).toBe(status === 'submitted')
        if (released) {
          model.status.set(slot.milestoneId, 'released')
          moveShares(slot, slot.amount, 0)
        }
      } else if (step.t === 'refund') {
        const refunded = refundMilestone(slot.contract, milestone, line, now())
        expect(refunded).toBe(status === 'funded')
        if (refunded) {
          model.status.set(slot.milestoneId, 'refunded')
          moveShares(slot, 0, slot.amount)
        }
      } else {
        const toFreelancerMinor = Math.floor((slot.amount * step.permille) / 1000)
        const shares = { toFreelancerMinor, toClientMinor: slot.amount - toFreelancerMinor }
        const disputable = status === 'funded' || status === 'submitted'
        let resolved = true
        try {
          resolveDisputedMilestone({ contract: slot.contract, milestone, shares, disputeId: crypto.randomUUID() })
        } catch {
          resolved = false
        }
        expect(resolved).toBe(disputable)
        if (resolved) {
          model.status.set(slot.milestoneId, toFreelancerMinor > 0 ? 'released' : 'refunded')
          moveShares(slot, shares.toFreelancerMinor, shares.toClientMinor)
        }
      }
      return
    }
    if (step.t === 'repayCheckout') {
      if (!payments.length) return
      const payment = (await findPayment(payments[step.k % payments.length]!))!
      const slot = world.slots.find((candidate) => `milestone:${candidate.milestoneId}` === payment.purpose)!
      const outcome = await payMilestoneByCard(payment, slot.contract, GOOD_CARD, 'Client')
      expect(outcome.ok).toBe(true)
      // A paid checkout paid again moves nothing; a declined one now succeeds.
      if (payment.status === 'pending') fundedByCard(slot)
    } else if (step.t === 'topUp') {
      const user = world.clients[step.u]!
      const currency = CURRENCIES[step.cur]!
      const at = now()
      const payment = await createCardPayment({
        userId: user.id,
        purpose: 'wallet:top-up',
        amountMinor: step.amount,
        currency,
        at,
      })
      const posting = cardToWalletPosting(payment, 'Wallet top-up by card', at)
      getDb().transaction(() => {
        markCardPaymentSucceeded({
          id: payment.id,
          last4: '4242',
          ledgerTransactionId: writeLedgerTransaction(posting).transactionId,
          at,
        })
      })
      postings.push(posting)
      model.add(model.platform, `clearing_card:${currency}`, -step.amount)
      model.add(model.wallets, `${user.id}:${currency}`, step.amount)
    } else if (step.t === 'payout') {
      const funded = [...model.wallets]
        .filter(([, amount]) => amount > 0)
        .map(([key]) => key.split(':') as [string, string])
      const [userId, currency] =
        step.fitting && funded.length
          ? funded[step.u % funded.length]!
          : [world.users[step.u % world.users.length]!.id, CURRENCIES[step.cur % CURRENCIES.length]!]
      const user = { id: userId }
      const balance = model.wallet(user.id, currency)
      const amountMinor = Math.max(1, Math.floor((balance * step.permille) / 1000))
      const subject: PayoutSubject = {
        id: crypto.randomUUID(),
        userId: user.id,
        amountMinor,
        feeMinor: Math.floor((amountMinor * step.feePermille) / 1000),
        currency,
        rail: step.rail,
      }
      const posting = payoutPosting(subject, now())
      let paid = true
      try {
        writeLedgerTransaction(posting)
      } catch (error) {
        expect(error).toBeInstanceOf(LedgerViolation)
        paid = false
      }
      expect(paid).toBe(amountMinor <= balance)
      if (paid) {
        postings.push(posting)
        payouts.push({ subject, reversed: false })
        model.add(model.wallets, `${user.id}:${currency}`, -amountMinor)
        model.add(model.platform, `clearing_${step.rail}:${currency}`, amountMinor - subject.feeMinor)
        model.add(model.platform, `platform_revenue:${currency}`, subject.feeMinor)
      }
    } else if (step.t === 'reversePayout') {
      if (!payouts.length) return
      const payout = payouts[step.k % payouts.length]!
      const posting = payoutReversalPosting(payout.subject, 'the bank refused it', now())
      const { created } = writeLedgerTransaction(posting)
      expect(created).toBe(!payout.reversed)
      if (created) {
        payout.reversed = true
        postings.push(posting)
        const { subject } = payout
        model.add(model.wallets, `${subject.userId}:${subject.currency}`, subject.amountMinor)
        model.add(
          model.platform,
          `clearing_${subject.rail}:${subject.currency}`,
          -(subject.amountMinor - subject.feeMinor),
        )
        model.add(model.platform, `platform_revenue:${subject.currency}`, -subject.feeMinor)
      }
    } else if (step.t === 'replay') {
      if (!postings.length) return
      const { created } = writeLedgerTransaction({ ...postings[step.k % postings.length]!, at: now() })
      expect(created).toBe(false)
    }
  }

  const ownerIds = [...world.users.map((user) => user.id), ...world.contracts.map((contract) => contract.id)]
  const slotIds = world.slots.map((slot) => slot.milestoneId)

  async function expectLedgerMatchesModel() {
    await expectBalancedLedger()
    const client = getDb().$client
    const sums = client
      .prepare('select currency, sum(amount_minor) as total from ledger_entries group by currency')
      .all() as { total: number }[]
    expect(sums.every((row) => row.total === 0)).toBe(true)
    const lowest = client
      .prepare(
        `select min(balance) as lowest from (select sum(e.amount_minor) as balance from ledger_accounts a join ledger_entries e on e.account_id = a.id where a.kind in ('wallet', 'escrow') group by a.id)`,
      )
      .get() as { lowest: number | null }
    expect(lowest.lowest ?? 0).toBeGreaterThanOrEqual(0)
    // One query for every balance of this run's users, contracts and the platform.
    const rows = client
      .prepare(
        `select a.kind, a.owner_id as ownerId, a.currency, coalesce(sum(e.amount_minor), 0) as balance from ledger_accounts a
          left join ledger_entries e on e.account_id = a.id
          where a.owner_id in (${ownerIds.map(() => '?').join(',')}) or a.owner_id = ? group by a.id`,
      )
      .all(...ownerIds, PLATFORM_OWNER) as {
      kind: LedgerAccountKind
      ownerId: string
      currency: string
      balance: number
    }[]
    const actual = new Map(rows.map((row) => [`${row.kind}:${row.ownerId}:${row.currency}`, row.balance]))
    const balance = (kind: LedgerAccountKind, ownerId: string, currency: string) =>
      actual.get(`${kind}:${ownerId}:${currency}`) ?? 0
    for (const user of world.users) {
      for (const currency of CURRENCIES)
        expect(balance('wallet', user.id, currency)).toBe(model.wallet(user.id, currency))
    }
    for (const contract of world.contracts)
      expect(balance('escrow', contract.id, contract.currency)).toBe(model.escrows.get(contract.id) ?? 0)
    for (const kind of PLATFORM_KINDS) {
      for (const currency of CURRENCIES) {
        expect(balance(kind, PLATFORM_OWNER, currency) - (baseline.get(`${kind}:${currency}`) ?? 0)).toBe(
          model.platform.get(`${kind}:${currency}`) ?? 0,
        )
      }
    }
    const statuses = client
      .prepare(`select id, status from milestones where id in (${slotIds.map(() => '?').join(',')})`)
      .all(...slotIds) as { id: string; status: string }[]
    for (const row of statuses) expect(row.status).toBe(model.status.get(row.id))
  }

  for (const step of steps) {
    await apply(step)
    await expectLedgerMatchesModel()
  }
}

describe('the ledger under random sequences of money movements', () => {
  it('keeps every invariant after each fund, release, refund, split and payout step', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 90_000 }), { minLength: MILESTONES, maxLength: MILESTONES }),
        sequenceArb,
        async (amounts, steps) => {
          await runSequence(amounts, steps)
        },
      ),
      { numRuns: 100 },
    )
  }, 120_000)
})

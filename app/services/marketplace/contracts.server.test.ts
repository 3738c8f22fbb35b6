import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { findContract, findMilestone, listContractActivity } from '~/models/contracts.server'
import { getDb } from '~/models/db.server'
import { balanceOf, PLATFORM_OWNER } from '~/models/ledger.server'
import { ledgerTransactions } from '~/models/schema'
import { findPayment, payMilestoneByCard, releaseMilestone } from '~/services/payments/ledger/escrow.server'
import { findOpenDisputeOfMilestone } from '~/models/disputes.server'
import { milestoneDisputeResolver } from '~/services/payments/ledger/dispute-resolution.server'
import { fixedContractBetweenNewUsers, insertOpenDispute } from '~/test/escrow-fixtures'
import { decideDispute, openMilestoneDispute } from './disputes.server'
import { endContract, loadContractPage, performMilestoneAction, runAutoApprovals } from './contracts.server'
import { takeMilestoneAction } from './milestone-changes.server'
import { expectBalancedLedger } from '~/test/ledger-checks'

const GOOD_CARD = { number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' }
const DECLINED_CARD = { number: '4000 0000 0000 0002', expiry: '12/30', cvc: '123' }

async function fixedContract(amounts: number[] = [50_000]) {
  const { milestoneIds: ids, ...rest } = await fixedContractBetweenNewUsers(amounts)
  return { ids, ...rest }
}

const wallet = (ownerId: string) => balanceOf({ kind: 'wallet', ownerId, currency: 'USD' })
const escrow = (contractId: string) => balanceOf({ kind: 'escrow', ownerId: contractId, currency: 'USD' })

async function fundByCard(setup: Awaited<ReturnType<typeof fixedContract>>, milestoneId: string, card = GOOD_CARD) {
  const start = await performMilestoneAction(setup.client, setup.contract, 'client', milestoneId, 'fund', {
    method: 'card',
  })
  if (!start.ok || !start.redirectTo) throw new Error('no checkout')
  const payment = await findPayment(start.redirectTo.split('/').pop() ?? '')
  if (!payment) throw new Error('no payment')
  return { payment, outcome: await payMilestoneByCard(payment, setup.contract, card, setup.client.name) }
}

describe('fixed-price milestones through escrow', () => {
  it('fund by card → submit → changes → resubmit → approve pays the freelancer less 10 %', async () => {
    const setup = await fixedContract()
    const [id = ''] = setup.ids
    const { outcome } = await fundByCard(setup, id)
    expect(outcome).toEqual({ ok: true, funded: true })
    expect(await escrow(setup.contract.id)).toBe(50_000)

    const act = (side: 'client' | 'freelancer', action: Parameters<typeof performMilestoneAction>[4], input = {}) =>
      performMilestoneAction(setup[side], setup.contract, side, id, action, input)
    expect(await act('freelancer', 'submit', { note: 'First version is live at /preview' })).toMatchObject({ ok: true })
    expect(await act('client', 'request_changes', { changes: 'Bigger headline please' })).toMatchObject({ ok: true })
    expect((await findMilestone(setup.contract.id, id))?.changesRequest).toBe('Bigger headline please')
    expect(await act('freelancer', 'submit', { note: 'Headline is bigger now' })).toMatchObject({ ok: true })
    expect(await act('client', 'approve')).toMatchObject({ ok: true })

    expect(await escrow(setup.contract.id)).toBe(0)
    expect(await wallet(setup.freelancer.id)).toBe(45_000)
    expect(
      await balanceOf({ kind: 'platform_revenue', ownerId: PLATFORM_OWNER, currency: 'USD' }),
    ).toBeGreaterThanOrEqual(5_000)
    expect((await findMilestone(setup.contract.id, id))?.status).toBe('released')
    // The paid card shows the ledger's split, to both sides.
    const page = await loadContractPage(setup.contract, 'freelancer')
    expect(page.milestones[0]?.paid).toMatchObject({
      releasedMinor: 50_000,
      feeMinor: 5_000,
      toFreelancerMinor: 45_000,
      toClientMinor: 0,
      autoApproved: false,
    })
    const kinds = (await listContractActivity(setup.contract.id)).map((line) => line.kind).reverse()
    expect(kinds).toEqual([
      'milestone.funded',
      'milestone.submitted',
      'milestone.changes_requested',
      'milestone.submitted',
      'milestone.approved',
      'milestone.released',
    ])
    await expectBalancedLedger()
  })

  it('a declined card moves no money and the milestone stays unfunded', async () => {
    const setup = await fixedContract()
    const [id = ''] = setup.ids
    const { payment, outcome } = await fundByCard(setup, id, DECLINED_CARD)
    expect(outcome).toMatchObject({ ok: false, message: 'Your card was declined.' })
    expect(await escrow(setup.contract.id)).toBe(0)
    expect((await findMilestone(setup.contract.id, id))?.status).toBe('pending')
    expect((await findPayment(payment.id))?.status).toBe('pending')
  })

  it('paying the same checkout twice, or approving twenty times at once, moves money once', async () => {
    const setup = await fixedContract([20_000])
    const [id = ''] = setup.ids
    const { payment } = await fundByCard(setup, id)
    expect(await payMilestoneByCard(payment, setup.contract, GOOD_CARD, 'Clara')).toEqual({ ok: true, funded: true })
    expect(await escrow(setup.contract.id)).toBe(20_000)
    await performMilestoneAction(setup.freelancer, setup.contract, 'freelancer', id, 'submit', {
      note: 'Done and deployed',
    })
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        performMilestoneAction(setup.client, setup.contract, 'client', id, 'approve', {}),
      ),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok).every((result) => !result.ok && result.reason === 'conflict')).toBe(
      true,
    )
    expect(await wallet(setup.freelancer.id)).toBe(18_000)
    expect(await escrow(setup.contract.id)).toBe(0)
    const moves = getDb().select().from(ledgerTransactions).where(eq(ledgerTransactions.milestoneId, id)).all()
    expect(moves.map((move) => move.kind).sort()).toEqual(['escrow.fund', 'escrow.release'])
    await expectBalancedLedger()
  })

  it('answers an invalid transition with 409 and what is allowed', async () => {
    const setup = await fixedContract()
    const [id = ''] = setup.ids
    const outcome = await performMilestoneAction(setup.client, setup.contract, 'client', id, 'approve', {})
    expect(outcome).toMatchObject({ ok: false, reason: 'conflict' })
    if (!outcome.ok) expect(outcome.message).toMatch(/You can: fund/)
  })

  it('funding from the wallet needs enough balance', async () => {
    const setup = await fixedContract([10_000])
    const [id = ''] = setup.ids
    const outcome = await performMilestoneAction(setup.client, setup.contract, 'client', id, 'fund', {
      method: 'wallet',
    })
    expect(outcome).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await escrow(setup.contract.id)).toBe(0)
  })
})

describe('ending a contract and auto-approval', () => {
  it('ending refunds funded milestones to the client wallet, and is refused while work waits', async () => {
    const setup = await fixedContract([10_000, 30_000])
    const [first = '', second = ''] = setup.ids
    await fundByCard(setup, first)
    await fundByCard(setup, second)
    await performMilestoneAction(setup.freelancer, setup.contract, 'freelancer', second, 'submit', {
      note: 'Part two done',
    })
    expect(await endContract(setup.freelancer, setup.contract, 'Scope changed')).toMatchObject({
      ok: false,
      reason: 'conflict',
    })
    await performMilestoneAction(setup.client, setup.contract, 'client', second, 'approve', {})
    expect(await endContract(setup.freelancer, setup.contract, 'Scope changed')).toMatchObject({ ok: true })
    expect(await wallet(setup.client.id)).toBe(10_000)
    expect((await findMilestone(setup.contract.id, first))?.status).toBe('refunded')
    expect((await findContract(setup.contract.id))?.status).toBe('ended')
    const ended = (await findContract(setup.contract.id))!
    expect(await endContract(setup.client, ended, 'Again')).toMatchObject({ ok: false, reason: 'conflict' })
  })

  it('never leaves submitted work in an ended contract when the submit lands while it ends', async () => {
    const setup = await fixedContract([10_000])
    const [only = ''] = setup.ids
    await fundByCard(setup, only)
    const funded = (await findMilestone(setup.contract.id, only))!
    // Another worker's submit lands between the ending's first step and its write (the race order).
    const ending = endContract(setup.client, setup.contract, 'Scope changed')
    const submitted = takeMilestoneAction('submit', {
      milestone: funded,
      set: { submittedAt: new Date(), submissionNote: 'Done' },
      at: new Date(),
    })
    const outcome = await ending
    const contract = (await findContract(setup.contract.id))!
    const milestone = (await findMilestone(setup.contract.id, only))!
    if (contract.status === 'ended') {
      // The ending won: the money went back and the submit found nothing to submit.
      expect(outcome).toMatchObject({ ok: true })
      expect({ submitted, status: milestone.status }).toEqual({ submitted: false, status: 'refunded' })
      expect(await escrow(setup.contract.id)).toBe(0)
    } else {
      // The submit won: the ending is refused with the reason, and the work waits for the client.
      expect(outcome).toMatchObject({
        ok: false,
        reason: 'conflict',
        message: expect.stringContaining('Submitted work'),
      })
      expect(milestone.status).toBe('submitted')
      expect(await escrow(setup.contract.id)).toBe(10_000)
    }
    await expectBalancedLedger()
  })

  it('approves submitted work after 14 days, but not after changes were requested', async () => {
    const setup = await fixedContract([10_000, 10_000])
    const [first = '', second = ''] = setup.ids
    await fundByCard(setup, first)
    await fundByCard(setup, second)
    const submitted = new Date(Date.now() - 15 * 86_400_000)
    await performMilestoneAction(
      setup.freelancer,
      setup.contract,
      'freelancer',
      first,
      'submit',
      { note: 'Ready' },
      submitted,
    )
    await performMilestoneAction(
      setup.freelancer,
      setup.contract,
      'freelancer',
      second,
      'submit',
      { note: 'Ready' },
      submitted,
    )
    await performMilestoneAction(
      setup.client,
      setup.contract,
      'client',
      second,
      'request_changes',
      { changes: 'Not yet right' },
      submitted,
    )
    expect(await runAutoApprovals()).toBeGreaterThanOrEqual(1)
    expect(await findMilestone(setup.contract.id, first)).toMatchObject({ status: 'released', autoApproved: true })
    expect((await findMilestone(setup.contract.id, second))?.status).toBe('changes_requested')
    expect(await wallet(setup.freelancer.id)).toBe(9_000)
  })
})

describe('an approval and a dispute in the same instant', () => {
  async function submittedMilestone() {
    const setup = await fixedContract([20_000])
    const [only = ''] = setup.ids
    await fundByCard(setup, only)
    await performMilestoneAction(setup.freelancer, setup.contract, 'freelancer', only, 'submit', { note: 'Done' })
    return { setup, milestone: (await findMilestone(setup.contract.id, only))! }
  }

  it('does not release money a dispute opened a moment before is about', async () => {
    const { setup, milestone } = await submittedMilestone()
    // The approval read "no dispute" before the freelancer's dispute was written; its write comes after.
    await insertOpenDispute({
      contractId: setup.contract.id,
      milestoneId: milestone.id,
      openedBy: setup.freelancer.id,
      reason: 'Not paid for extra work',
      amountMinor: 20_000,
    })
    expect(releaseMilestone(setup.contract, milestone, [], new Date())).toBe(false)
    expect((await findMilestone(setup.contract.id, milestone.id))?.status).toBe('submitted')
    expect(await escrow(setup.contract.id)).toBe(20_000)
    expect(await wallet(setup.freelancer.id)).toBe(0)
  })

  it('does not open a dispute about money an approval a moment before released', async () => {
    const { setup, milestone } = await submittedMilestone()
    // The dispute form was checked against the submitted milestone; the approval lands before its write.
    await performMilestoneAction(setup.client, setup.contract, 'client', milestone.id, 'approve', {})
    const opened = await openMilestoneDispute(setup.freelancer, setup.contract, milestone, {
      reason: 'Too late',
      evidence: 'Nothing',
      file: null,
    })
    expect(opened).toMatchObject({
      ok: false,
      reason: 'conflict',
      message: expect.stringContaining('Only money held in escrow can be disputed'),
    })
    expect(await findOpenDisputeOfMilestone(milestone.id)).toBeUndefined()
  })
})

describe('dispute decisions move money through escrow', () => {
  it('a split pays each side its part, the freelancer’s part less the fee', async () => {
    const setup = await fixedContract([40_000])
    const [id = ''] = setup.ids
    await fundByCard(setup, id)
    const { dispute: found, admin } = await insertOpenDispute({
      contractId: setup.contract.id,
      milestoneId: id,
      openedBy: setup.client.id,
      reason: 'Half of it was delivered',
      amountMinor: 40_000,
    })
    const outcome = await decideDispute(
      admin,
      found,
      { decision: 'split', freelancerShareMinor: 20_000, reason: 'Half was delivered.' },
      milestoneDisputeResolver,
    )
    expect(outcome).toEqual({ ok: true })
    expect(await wallet(setup.freelancer.id)).toBe(18_000)
    expect(await wallet(setup.client.id)).toBe(20_000)
    expect(await escrow(setup.contract.id)).toBe(0)
    expect((await findMilestone(setup.contract.id, id))?.status).toBe('released')
    // Its card shows the split as decided, not the full amount less the fee.
    const page = await loadContractPage(setup.contract, 'client')
    expect(page.milestones[0]?.paid).toMatchObject({
      releasedMinor: 40_000,
      feeMinor: 2_000,
      toFreelancerMinor: 18_000,
      toClientMinor: 20_000,
    })
  })
})

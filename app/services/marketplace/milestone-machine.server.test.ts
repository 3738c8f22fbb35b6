import { MILESTONE_MACHINE } from '~/domain/milestone-machine'
import { findMilestone } from '~/models/contracts.server'
import { createSandboxMilestonePayment, payMilestoneByCard } from '~/services/payments/ledger/escrow.server'
import { milestoneDisputeResolver } from '~/services/payments/ledger/dispute-resolution.server'
import { walkEveryTransition } from '~/test/state-machine-walk'
import {
  createMilestoneSubject,
  createParties,
  fundFromWallet,
  loadDispute,
  loadMilestoneSubject,
  openDispute,
  type MilestoneSubject,
} from '~/test/state-machine-subjects'
import { decideDispute } from './disputes.server'
import { endContract, performMilestoneAction, runAutoApprovals } from './contracts.server'

const GOOD_CARD = { number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' }
const parties = createParties()

const status = async (subject: MilestoneSubject) =>
  (await findMilestone(subject.contractId, subject.milestoneId))!.status

/** A move made by a job or a settlement happened when this milestone's status changed. */
async function moved(subject: MilestoneSubject, run: () => Promise<unknown>): Promise<boolean> {
  const before = await status(subject)
  await run()
  return (await status(subject)) !== before
}

async function act(
  subject: MilestoneSubject,
  side: 'client' | 'freelancer',
  action: Parameters<typeof performMilestoneAction>[4],
) {
  const people = await parties
  const { contract } = await loadMilestoneSubject(subject)
  const input = { note: 'Done, see the preview', changes: 'A bigger headline, please' }
  return (await performMilestoneAction(people[side], contract, side, subject.milestoneId, action, input)).ok
}

async function resolveByDispute(subject: MilestoneSubject, decision: 'release' | 'refund') {
  const people = await parties
  const disputeId = await openDispute(people, subject)
  if (!disputeId) return false
  const reason = 'Decided on the evidence'
  const input = { decision, freelancerShareMinor: null, reason }
  const outcome = await decideDispute(people.admin, await loadDispute(disputeId), input, milestoneDisputeResolver)
  return outcome.ok
}

walkEveryTransition('milestone', MILESTONE_MACHINE, {
  create: async () => createMilestoneSubject(await parties),
  read: async (subject) => (await loadMilestoneSubject(subject)).milestone,
  take: {
    fund: async (subject) => fundFromWallet(await parties, subject),
    fund_by_payment: async (subject) => {
      const { contract, milestone } = await loadMilestoneSubject(subject)
      const payment = await createSandboxMilestonePayment(contract, milestone)
      const outcome = await payMilestoneByCard(payment, contract, GOOD_CARD, 'Clara')
      return outcome.ok && outcome.funded
    },
    submit: (subject) => act(subject, 'freelancer', 'submit'),
    request_changes: (subject) => act(subject, 'client', 'request_changes'),
    approve: (subject) => act(subject, 'client', 'approve'),
    auto_approve: (subject) => moved(subject, () => runAutoApprovals(new Date(Date.now() + 15 * 24 * 60 * 60 * 1000))),
    refund: async (subject) => {
      const { contract } = await loadMilestoneSubject(subject)
      const client = (await parties).client
      return moved(subject, () => endContract(client, contract, 'The project was cancelled'))
    },
    dispute_release: (subject) => resolveByDispute(subject, 'release'),
    dispute_refund: (subject) => resolveByDispute(subject, 'refund'),
  },
})

import { DISPUTE_MACHINE } from '~/domain/dispute-machine'
import { milestoneDisputeResolver } from '~/services/payments/ledger/dispute-resolution.server'
import { walkEveryTransition } from '~/test/state-machine-walk'
import {
  createMilestoneSubject,
  createParties,
  fundFromWallet,
  loadDispute,
  openDispute,
} from '~/test/state-machine-subjects'
import { decideDispute, respondToDispute } from './disputes.server'

const parties = createParties()

walkEveryTransition('dispute', DISPUTE_MACHINE, {
  create: async () => {
    const people = await parties
    const subject = await createMilestoneSubject(people)
    if (!(await fundFromWallet(people, subject))) throw new Error('not funded')
    const disputeId = await openDispute(people, subject)
    if (!disputeId) throw new Error('no dispute')
    return disputeId
  },
  read: async (disputeId) => (await loadDispute(disputeId)).dispute,
  take: {
    // The freelancer opened it, so the client answers.
    respond: async (disputeId) => {
      const input = { response: 'I paid for work that never came', file: null }
      return (await respondToDispute((await parties).client, await loadDispute(disputeId), input)).ok
    },
    decide: async (disputeId) => {
      const input = { decision: 'refund' as const, freelancerShareMinor: null, reason: 'No work was delivered' }
      return (await decideDispute((await parties).admin, await loadDispute(disputeId), input, milestoneDisputeResolver))
        .ok
    },
  },
})

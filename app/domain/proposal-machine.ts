import type { ProposalStatus } from '~/domain/enums'
import { defineMachine } from './state-machine'

/**
 * A proposal is acted on only while it is submitted; every other status is final. Editing and the
 * shortlist keep it submitted. Accepting one makes every other submitted proposal on the project
 * "not hired", as does closing the project without a hire.
 */
export const PROPOSAL_MACHINE = defineMachine<ProposalStatus>()({
  initial: 'submitted',
  transitions: {
    edit: {
      by: ['freelancer'],
      from: ['submitted'],
      to: 'submitted',
      label: 'Edit it',
      effect: 'The proposal and its milestones are rewritten as the next revision.',
    },
    withdraw: {
      by: ['freelancer'],
      from: ['submitted'],
      to: 'withdrawn',
      label: 'Withdraw it',
      effect: 'The client is told.',
    },
    shortlist: {
      by: ['client'],
      from: ['submitted'],
      to: 'submitted',
      label: 'Shortlist it',
      effect: 'The proposal is marked as shortlisted.',
    },
    unshortlist: {
      by: ['client'],
      from: ['submitted'],
      to: 'submitted',
      label: 'Take it off the shortlist',
      effect: 'The shortlist mark is removed.',
    },
    decline: {
      by: ['client'],
      from: ['submitted'],
      to: 'declined',
      label: 'Decline it',
      effect: 'The freelancer is told, with the reason.',
    },
    accept: {
      by: ['client'],
      from: ['submitted'],
      to: 'accepted',
      label: 'Accept it',
      effect:
        'A contract (with the proposed milestones) starts, the project closes as hired, and the other proposals become not hired.',
    },
    not_hire: {
      by: ['platform'],
      from: ['submitted'],
      to: 'not_hired',
      label: 'Mark not hired',
      effect: 'Another proposal was accepted, or the project closed without a hire; the freelancer is told.',
    },
  },
})

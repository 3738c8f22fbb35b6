import type { ProposalStatus } from '~/domain/enums'
import { formatMoney } from '~/utils/format'

/** Who is looking at a proposal: its freelancer, the project's client, or an admin (who only reads). */
export type ProposalRole = 'freelancer' | 'client' | 'admin'

export const PROPOSAL_ACTIONS = ['edit', 'withdraw', 'shortlist', 'unshortlist', 'decline', 'accept'] as const
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number]

const NOTHING = { freelancer: [], client: [], admin: [] } as const

/**
 * The state map: which actions each role may take in each status. A proposal is only ever acted on
 * while it is submitted; every other status is final.
 */
export const PROPOSAL_TRANSITIONS: Record<ProposalStatus, Record<ProposalRole, readonly ProposalAction[]>> = {
  submitted: {
    freelancer: ['edit', 'withdraw'],
    client: ['shortlist', 'unshortlist', 'decline', 'accept'],
    admin: [],
  },
  declined: NOTHING,
  withdrawn: NOTHING,
  accepted: NOTHING,
  not_hired: NOTHING,
}

/** What the status means, in the words both sides read. */
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  submitted: 'Submitted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  accepted: 'Accepted',
  not_hired: 'Not hired',
}

const ACTION_LABELS: Record<ProposalAction, string> = {
  edit: 'edit it',
  withdraw: 'withdraw it',
  shortlist: 'shortlist it',
  unshortlist: 'take it off the shortlist',
  decline: 'decline it',
  accept: 'accept it',
}

/**
 * The actions open to `role` now. Shortlisting and taking off the shortlist exclude each other,
 * depending on whether the proposal is on the shortlist.
 */
export function availableActions(
  role: ProposalRole,
  proposal: { status: ProposalStatus; shortlisted: boolean },
): ProposalAction[] {
  return PROPOSAL_TRANSITIONS[proposal.status][role].filter((action) =>
    action === 'shortlist' ? !proposal.shortlisted : action === 'unshortlist' ? proposal.shortlisted : true,
  )
}

/** Null when the action is allowed; otherwise the 409 message saying what is allowed instead. */
export function actionProblem(
  role: ProposalRole,
  proposal: { status: ProposalStatus; shortlisted: boolean },
  action: ProposalAction,
): string | null {
  const allowed = availableActions(role, proposal)
  if (allowed.includes(action)) return null
  const status = PROPOSAL_STATUS_LABELS[proposal.status].toLowerCase()
  const what = allowed.length
    ? `you can ${allowed.map((a) => ACTION_LABELS[a]).join(', ')}`
    : 'nothing more can be done with it'
  return `You cannot ${ACTION_LABELS[action].replace(/ it$/, '')} this proposal: it is ${status}, and ${what}.`
}

/**
 * The proposed milestones of a fixed bid must add up to the bid exactly. Null when they do (or when
 * there are none: the contract then gets one milestone for the whole bid).
 */
export function milestoneSumProblem(bidMinor: number, amountsMinor: number[], currency: string): string | null {
  if (amountsMinor.length === 0) return null
  const total = amountsMinor.reduce((sum, amount) => sum + amount, 0)
  if (total === bidMinor) return null
  return `The milestones add up to ${formatMoney(total, currency)} but your price is ${formatMoney(bidMinor, currency)}. Make them equal, or leave the milestones empty.`
}

/** The milestone a fixed contract gets when the proposal named none. */
export const WHOLE_PROJECT_MILESTONE = 'Complete the project'

/** The weekly cap an hourly contract starts with. */
export const DEFAULT_WEEKLY_LIMIT_HOURS = 40

/** "$1,000 fixed price" or "$45 an hour". */
export function bidText(bid: { bidType: 'fixed' | 'hourly'; bidAmountMinor: number; currency: string }): string {
  const amount = formatMoney(bid.bidAmountMinor, bid.currency)
  return bid.bidType === 'fixed' ? `${amount} fixed price` : `${amount} an hour`
}

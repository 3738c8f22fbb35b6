import { PROPOSAL_MACHINE } from '~/domain/proposal-machine'
import { canTake } from '~/domain/state-machine'
import type { ProposalStatus } from '~/domain/enums'
import { formatMoney } from '~/utils/format'
import { MILESTONE_MINIMUM_USD } from '~/domain/paid-work'

/** Who is looking at a proposal: its freelancer, the project's client, or an admin (who only reads). */
export type ProposalRole = 'freelancer' | 'client' | 'admin'

/** The moves a person makes with a button: each transition of PROPOSAL_MACHINE but the platform's "not hired". */
export type ProposalAction = Exclude<keyof typeof PROPOSAL_MACHINE.transitions, 'not_hire'>
const PROPOSAL_ACTIONS = Object.keys(PROPOSAL_MACHINE.transitions).filter(
  (action): action is ProposalAction => action !== 'not_hire',
)

/** What the status means, in the words both sides read. */
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  submitted: 'Submitted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  accepted: 'Accepted',
  not_hired: 'Not hired',
}

/** "accept it", "take it off the shortlist": the declared label as it reads mid-sentence. */
function actionWords(action: ProposalAction): string {
  return PROPOSAL_MACHINE.transitions[action].label.toLowerCase()
}

/**
 * The actions open to `role` now. Shortlisting and taking off the shortlist exclude each other,
 * depending on whether the proposal is on the shortlist.
 */
export function availableActions(
  role: ProposalRole,
  proposal: { status: ProposalStatus; shortlisted: boolean },
): ProposalAction[] {
  return PROPOSAL_ACTIONS.filter((action) => canTake(PROPOSAL_MACHINE, action, proposal.status, role)).filter(
    (action) =>
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
    ? `you can ${allowed.map((a) => actionWords(a)).join(', ')}`
    : 'nothing more can be done with it'
  return `You cannot ${actionWords(action).replace(/ it$/, '')} this proposal: it is ${status}, and ${what}.`
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

/**
 * Why an amount below the least a milestone, price or hourly rate may be (MILESTONE_MINIMUM_USD in
 * the currency at today's rate) is refused, in the form's words: "A milestone is at least €4.31
 * (US$5 at today’s rate), so its 10% fee is never rounded away."
 */
export function belowMinimumMessage(what: string, minimumMinor: number, currency: string): string {
  const usd = currency === 'USD' ? '' : ` (US$${MILESTONE_MINIMUM_USD} at today’s rate)`
  return `${what} is at least ${formatMoney(minimumMinor, currency)}${usd}, so the 10% fee on it is never rounded away.`
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

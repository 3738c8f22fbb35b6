import { MILESTONE_MACHINE } from '~/domain/milestone-machine'
import { canTake } from '~/domain/state-machine'
import type { MilestoneStatus } from '~/domain/enums'
import { DAY_MS } from '~/domain/durations'

/** Which side of a contract acts. */
export type Side = 'client' | 'freelancer'

/** The moves a side of the contract makes with a button; the platform's own moves are in MILESTONE_MACHINE. */
const MILESTONE_ACTIONS = ['fund', 'submit', 'request_changes', 'approve'] as const
export type MilestoneAction = (typeof MILESTONE_ACTIONS)[number]

const MILESTONE_TRANSITIONS = MILESTONE_MACHINE.transitions

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  pending: 'Not funded yet',
  funded: 'Funded — in escrow',
  submitted: 'Work submitted',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  released: 'Paid',
  refunded: 'Refunded',
}

/** Days after a submission when it is approved automatically, unless changes were requested. */
export const AUTO_APPROVAL_DAYS = 14

export type MilestoneContext = { contractActive: boolean; disputeOpen: boolean }

/** What `side` may do to a milestone in `status` right now. */
export function allowedMilestoneActions(
  status: MilestoneStatus,
  side: Side,
  context: MilestoneContext,
): MilestoneAction[] {
  if (!context.contractActive || context.disputeOpen) return []
  return MILESTONE_ACTIONS.filter((action) => canTake(MILESTONE_MACHINE, action, status, side))
}

export type TransitionCheck = { ok: true; to: MilestoneStatus } | { ok: false; message: string }

/** Whether `action` is allowed; when not, a sentence saying what is allowed instead (for a 409). */
export function checkMilestoneAction(
  action: MilestoneAction,
  status: MilestoneStatus,
  side: Side,
  context: MilestoneContext,
): TransitionCheck {
  const allowed = allowedMilestoneActions(status, side, context)
  if (allowed.includes(action)) return { ok: true, to: MILESTONE_TRANSITIONS[action].to }
  const reason = !context.contractActive
    ? 'The contract has ended.'
    : context.disputeOpen
      ? 'The milestone is in dispute until an admin decides.'
      : `The milestone is “${MILESTONE_STATUS_LABELS[status].toLowerCase()}”.`
  const instead = allowed.length
    ? `You can: ${allowed.map((name) => MILESTONE_TRANSITIONS[name].label.toLowerCase()).join(', ')}.`
    : 'Nothing can be done to it by you now.'
  return {
    ok: false,
    message: `You cannot ${MILESTONE_TRANSITIONS[action].label.toLowerCase()} this milestone. ${reason} ${instead}`,
  }
}

/** When a submitted milestone is approved automatically. */
export function autoApprovalDueAt(submittedAt: Date): Date {
  return new Date(submittedAt.getTime() + AUTO_APPROVAL_DAYS * DAY_MS)
}

/** Ending a contract: refused while work waits for a decision; money not yet worked for goes back. */
export function checkEndContract(
  statuses: readonly MilestoneStatus[],
  disputeOpen: boolean,
): { ok: true } | { ok: false; message: string } {
  if (disputeOpen) return { ok: false, message: 'A dispute on this contract is still open. An admin decides it first.' }
  if (statuses.some((status) => status === 'submitted' || status === 'changes_requested')) {
    return {
      ok: false,
      message:
        'Submitted work is waiting for a decision. Approve it, request changes and let it be resubmitted, or open a dispute before ending the contract.',
    }
  }
  return { ok: true }
}

/**
 * Every milestone is settled and at least one was paid: nothing is left to do but end the
 * contract (which opens reviews) or add more work.
 */
export function allMilestonesPaid(statuses: readonly MilestoneStatus[]): boolean {
  return statuses.includes('released') && statuses.every((status) => status === 'released' || status === 'refunded')
}

import { PAYOUT_MACHINE, type PayoutTransitionName } from '~/domain/payout-machine'
import { canTake } from '~/domain/state-machine'
import type { PayoutStatus } from '~/domain/enums'

/** Why a payout to a method added within a day after a second-factor change waits for an admin. */
export const SECURITY_HOLD_REASON = 'Held for review: your security settings changed recently.'

/** Standard payouts wait this long before the sending job picks them up, so an admin can hold one. */
export const PAYOUT_REVIEW_WINDOW_MS = 10 * 60_000

export const PAYOUT_STATUS_LABELS: Record<PayoutStatus, string> = {
  requested: 'Requested',
  held: 'Held for review',
  sent: 'Sent',
  failed: 'Failed — returned to your wallet',
  cancelled: 'Cancelled — returned to your wallet',
}

/** What an admin can do to a payout from the admin page; the platform's own moves are in PAYOUT_MACHINE. */
const ADMIN_PAYOUT_ACTIONS = ['hold', 'release', 'cancel'] as const satisfies readonly PayoutTransitionName[]
export type AdminPayoutAction = (typeof ADMIN_PAYOUT_ACTIONS)[number]

export function allowedAdminPayoutActions(status: PayoutStatus): AdminPayoutAction[] {
  return ADMIN_PAYOUT_ACTIONS.filter((action) => canTake(PAYOUT_MACHINE, action, status, 'admin'))
}

/** Whether `action` may happen to a payout in `status`; when not, a sentence for the 409 saying what is allowed. */
export function checkPayoutAction(
  action: PayoutTransitionName,
  status: PayoutStatus,
): { ok: true; to: PayoutStatus } | { ok: false; message: string } {
  const transition = PAYOUT_MACHINE.transitions[action]
  if (transition.from.includes(status)) return { ok: true, to: transition.to }
  const allowed = allowedAdminPayoutActions(status)
  const instead = allowed.length
    ? `You can: ${allowed.map((name) => PAYOUT_MACHINE.transitions[name].label.toLowerCase()).join(', ')}.`
    : 'It is final; nothing more can be done to it.'
  return {
    ok: false,
    message: `You cannot ${transition.label.toLowerCase()} this payout. It is “${PAYOUT_STATUS_LABELS[status].toLowerCase()}”. ${instead}`,
  }
}

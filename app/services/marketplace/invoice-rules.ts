import { INVOICE_MACHINE, type InvoiceTransitionName } from '~/domain/invoice-machine'
import { actionsOpenTo, canTake, type Actor } from '~/domain/state-machine'
import type { InvoiceStatus } from '~/domain/enums'
import { MINUTE_MS } from '~/domain/durations'

/** A charge that has not finished in this long was interrupted (a crash) and may be taken again. */
export const CHARGE_CLAIM_TIMEOUT_MS = 10 * MINUTE_MS

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  pending: 'Waiting for the client',
  approved: 'Approved — to be charged',
  disputed: 'Disputed',
  charging: 'Being charged',
  payment_failed: 'Payment failed',
  paid: 'Paid',
  void: 'Not owed (dispute decision)',
}

export function canTakeInvoiceAction(action: InvoiceTransitionName, status: InvoiceStatus, actor: Actor): boolean {
  return canTake(INVOICE_MACHINE, action, status, actor)
}

/** Null when allowed; otherwise the sentence for a 409 saying why not and what is possible. */
export function checkInvoiceAction(action: InvoiceTransitionName, status: InvoiceStatus, actor: Actor): string | null {
  if (canTakeInvoiceAction(action, status, actor)) return null
  const label = (name: InvoiceTransitionName) => INVOICE_MACHINE.transitions[name].label.toLowerCase()
  const possible = actionsOpenTo(INVOICE_MACHINE, status, actor)
  const instead = possible.length
    ? `You can: ${possible.map(label).join(', ')}.`
    : 'Nothing can be done to it by you now.'
  return `You cannot ${label(action)} this invoice: it is “${INVOICE_STATUS_LABELS[status].toLowerCase()}”. ${instead}`
}

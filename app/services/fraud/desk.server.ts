import { FRAUD_ALERT_MACHINE, FRAUD_ALERT_STATUS_LABELS, type FraudAlertAction } from '~/domain/fraud-alerts'
import { actionsOpenTo, canTake, fromStates, toState } from '~/domain/state-machine'
import {
  changeFraudAlertStatusSync,
  findFraudAlert,
  listFraudAlertAccounts,
  listHeldPayoutsOf,
  recordFraudAlertEvent,
} from '~/models/fraud-alerts.server'
import { findUserById } from '~/models/users.server'
import { blockAccount } from '~/services/accounts/accounts.server'
import type { Refusal } from '~/services/domain-errors'
import { actOnPayout } from '~/services/payments/payouts/payouts.server'
import { formatMoney } from '~/utils/format'

type Admin = { id: string }
type Outcome = { ok: true; message: string } | Refusal

const notFound = { ok: false, reason: 'not-found', message: 'There is no such alert.' } as const

/** An admin takes a workflow step on an alert; every step has a note and keeps or sets the assignee. */
export async function actOnAlert(
  admin: Admin,
  alertId: string,
  input: { action: FraudAlertAction; note: string; assigneeId?: string },
  now = new Date(),
): Promise<Outcome> {
  const found = await findFraudAlert(alertId)
  if (!found) return notFound
  const { alert } = found
  if (!canTake(FRAUD_ALERT_MACHINE, input.action, alert.status, 'admin')) {
    const open = actionsOpenTo(FRAUD_ALERT_MACHINE, alert.status, 'admin')
    return {
      ok: false,
      reason: 'conflict',
      message: `This alert is “${FRAUD_ALERT_STATUS_LABELS[alert.status].toLowerCase()}”. You can: ${open
        .map((action) => FRAUD_ALERT_MACHINE.transitions[action].label.toLowerCase())
        .join(', ')}.`,
    }
  }
  let assigneeId = alert.assigneeId ?? admin.id
  if (input.assigneeId) {
    const assignee = await findUserById(input.assigneeId)
    if (assignee?.role !== 'admin')
      return { ok: false, reason: 'invalid', field: 'assigneeId', message: 'Choose an admin to assign.' }
    assigneeId = assignee.id
  }
  const changed = changeFraudAlertStatusSync({
    id: alert.id,
    from: fromStates(FRAUD_ALERT_MACHINE, input.action),
    to: toState(FRAUD_ALERT_MACHINE, input.action),
    action: input.action,
    actorId: admin.id,
    assigneeId,
    note: input.note,
    at: now,
  })
  if (!changed)
    return { ok: false, reason: 'conflict', message: 'This alert changed meanwhile. Reload to see where it is.' }
  return { ok: true, message: `${FRAUD_ALERT_MACHINE.transitions[input.action].label}: done.` }
}

async function involved(alertId: string, userId: string) {
  const accounts = await listFraudAlertAccounts(alertId)
  return accounts.find((account) => account.id === userId)
}

/** Blocks an account the alert involves (the same block as on the user's admin page) and logs it on the alert. */
export async function blockFromAlert(
  admin: Admin,
  alertId: string,
  input: { userId: string; reason: string },
  now = new Date(),
): Promise<Outcome> {
  if (!(await findFraudAlert(alertId))) return notFound
  const account = await involved(alertId, input.userId)
  if (!account) return { ok: false, reason: 'not-found', message: 'That account is not part of this alert.' }
  if (account.role === 'admin') return { ok: false, reason: 'conflict', message: 'Admins cannot be blocked.' }
  if (account.blockedAt) return { ok: false, reason: 'conflict', message: `${account.name} is already blocked.` }
  await blockAccount(account.id, input.reason)
  await recordFraudAlertEvent({
    alertId,
    actorId: admin.id,
    action: 'block',
    note: `Blocked ${account.name}: ${input.reason}`,
    at: now,
  })
  return { ok: true, message: `${account.name} is blocked and signed out.` }
}

/** Releases a held payout of an involved account (sent now), or keeps it held; both are logged on the alert. */
export async function decidePayoutHold(
  admin: Admin,
  alertId: string,
  input: { payoutId: string; decision: 'release' | 'keep'; note: string },
  now = new Date(),
): Promise<Outcome> {
  const accounts = await listFraudAlertAccounts(alertId)
  if (!accounts.length) return notFound
  const payout = (await listHeldPayoutsOf(accounts.map((account) => account.id))).find((p) => p.id === input.payoutId)
  if (!payout)
    return { ok: false, reason: 'conflict', message: 'That payout is not held for an account of this alert any more.' }
  const money = formatMoney(payout.amountMinor, payout.currency)
  if (input.decision === 'release') {
    const released = await actOnPayout(admin, payout.id, 'release', input.note, now)
    if (!released.ok) return released
  }
  await recordFraudAlertEvent({
    alertId,
    actorId: admin.id,
    action: 'payout',
    note: `${input.decision === 'release' ? 'Released' : 'Kept on hold'} the payout of ${money}: ${input.note}`,
    at: now,
  })
  return {
    ok: true,
    message:
      input.decision === 'release' ? `The payout of ${money} is released.` : `The payout of ${money} stays on hold.`,
  }
}

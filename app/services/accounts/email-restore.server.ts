import { restorableChanges } from '~/domain/email-history'
import {
  listAdditionsSince,
  restoreEmailUndoingAdditions,
  type AccountAdditions,
  type AddedFactor,
} from '~/models/account-additions.server'
import { findEmailChangeOf, listEmailChangesOf, type EmailChangeRow } from '~/models/email-changes.server'
import type { Payout } from '~/models/payouts.server'
import { findUserByEmail, findUserById } from '~/models/users.server'
import { describePayoutMethod } from '~/services/payments/payouts/payout-method-labels'
import { sendEmail } from '~/services/email/mailer.server'
import { emailRestoredEmail } from '~/services/email/templates'
import type { RequestOrigin } from '~/services/security/context'
import { maskEmail } from '~/services/security/email-codes.server'
import { recordSecurityEvent } from '~/services/security/events.server'
import { formatDateTime, formatMoney } from '~/utils/format'
import { endAllSessions } from './sessions.server'

/** What a restore takes off the account with the address, as the admin sees it before sending. */
type RestorePreview = {
  factors: { label: string; createdAt: Date }[]
  payoutMethods: {
    label: string
    createdAt: Date
    payouts: { amountMinor: number; currency: string; status: Payout['status']; createdAt: Date }[]
  }[]
}

const FACTOR_NAMES: Record<AddedFactor['kind'], (detail: string | null) => string> = {
  totp: () => 'Authenticator app',
  sms: (phone) => `SMS codes to ${phone ?? 'a phone'}`,
  passkey: (name) => `Passkey “${name ?? ''}”`,
  security_key: (name) => `Security key “${name ?? ''}”`,
  backup_codes: (unused) => `Backup codes (${unused ?? 'a set'})`,
}

function previewOf(additions: AccountAdditions): RestorePreview {
  return {
    factors: additions.factors.map((factor) => ({
      label: FACTOR_NAMES[factor.kind](factor.detail),
      createdAt: factor.createdAt,
    })),
    payoutMethods: additions.payoutMethods.map(({ method, inFlight }) => ({
      label: describePayoutMethod(method),
      createdAt: method.createdAt,
      payouts: inFlight.map(({ amountMinor, currency, status, createdAt }) => ({
        amountMinor,
        currency,
        status,
        createdAt,
      })),
    })),
  }
}

/**
 * For each change whose earlier address may be put back: the second factors and payout methods
 * added since it (with the payouts to them not yet sent), which a restore removes (and holds).
 */
export async function restorePreviews(
  changes: EmailChangeRow[],
  currentEmail: string,
): Promise<Record<string, RestorePreview>> {
  const previews: Record<string, RestorePreview> = {}
  for (const change of restorableChanges(changes, currentEmail))
    previews[change.id] = previewOf(await listAdditionsSince(change.userId, change.createdAt))
  return previews
}

/** The preview as lines of text, for the email, the security log and the admin audit trail. */
function describeUndone(preview: RestorePreview): { removed: string[]; held: string[] } {
  return {
    removed: [
      ...preview.factors.map((factor) => `${factor.label}, added ${formatDateTime(factor.createdAt)}`),
      ...preview.payoutMethods.map(
        (method) => `Payout method: ${method.label}, added ${formatDateTime(method.createdAt)}`,
      ),
    ],
    held: preview.payoutMethods.flatMap((method) =>
      method.payouts.map(
        (payout) =>
          `${formatMoney(payout.amountMinor, payout.currency)} to ${method.label}, requested ${formatDateTime(payout.createdAt)}`,
      ),
    ),
  }
}

export type RestoreEmailOutcome =
  | {
      ok: true
      restored: string
      replaced: string
      removed: string[]
      held: string[]
      counts: { factors: number; payoutMethods: number }
    }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'conflict'; message: string }

/**
 * Account takeover recovery: an admin puts back the address an account had before one of its
 * changes (`changeId`, from its address history). In the same transaction the second factors and
 * payout methods added since that change are removed, and payouts to those methods not yet sent
 * are held for review (see restoreEmailUndoingAdditions). The account is signed out everywhere
 * (whoever took it over is too), each removal and the restore are logged and the restored address
 * is told what happened, what was removed and held, and what to do. Refused when another account
 * uses that address by now, when anything was added after the admin's page listed it (`listedAt`)
 * or when a payout to such a method is being sent at this moment.
 */
export async function restoreEmailAddress(
  input: { userId: string; changeId: string; reason: string; adminId: string; listedAt: Date },
  origin: RequestOrigin,
  now = new Date(),
): Promise<RestoreEmailOutcome> {
  const [user, change] = await Promise.all([
    findUserById(input.userId),
    findEmailChangeOf(input.userId, input.changeId),
  ])
  if (!user || !change) return { ok: false, reason: 'not_found' }
  const address = change.oldEmail
  if (!restorableChanges(await listEmailChangesOf(user.id), user.email).some((one) => one.id === change.id)) {
    const message =
      address === user.email
        ? `${address} is already this account’s address: nothing to restore.`
        : `${address} was taken off this account by an earlier restore, so it is not put back. Nothing was changed.`
    return { ok: false, reason: 'conflict', message }
  }
  const undone = restoreEmailUndoingAdditions({
    userId: user.id,
    address,
    since: change.createdAt,
    listedAt: input.listedAt,
    adminId: input.adminId,
    reason: input.reason,
    holdReason: `Held for review: the account's email address was put back after a takeover, and this payout goes to a payout method added since. ${input.reason}`,
    now,
  })
  if (!undone.ok) return { ok: false, reason: 'conflict', message: await refusalMessage(undone, address) }
  const { removed, held } = describeUndone(previewOf(undone.additions))
  await endAllSessions(user.id)
  await logRemovals(user.id, undone.additions, origin, now)
  const undoneText = [
    removed.length ? `removed ${removed.join('; ')}` : 'nothing added since to remove',
    ...(held.length ? [`payouts held for review: ${held.join('; ')}`] : []),
  ].join('; ')
  await recordSecurityEvent({
    userId: user.id,
    kind: 'email_restored',
    origin,
    detail: `From ${maskEmail(user.email)} back to ${maskEmail(address)}, signed out everywhere, ${undoneText}: ${input.reason}`,
    now,
    // The restored address gets its own message, saying what to do next.
    emailOwner: false,
  })
  await sendEmail(
    emailRestoredEmail(address, user.name, {
      maskedReplacedEmail: maskEmail(user.email),
      reason: input.reason,
      at: now,
      removed,
      held,
    }),
  )
  const counts = { factors: undone.additions.factors.length, payoutMethods: undone.additions.payoutMethods.length }
  return { ok: true, restored: address, replaced: user.email, removed, held, counts }
}

async function refusalMessage(
  refused: Exclude<ReturnType<typeof restoreEmailUndoingAdditions>, { ok: true }>,
  address: string,
): Promise<string> {
  if (refused.reason === 'added_since_listed')
    return 'Something was added to this account after the page listed what the restore removes. Nothing was changed: check the list again and send.'
  if (refused.reason === 'payout_sending')
    return `A payout of ${formatMoney(refused.payout.amountMinor, refused.payout.currency)} to ${describePayoutMethod(refused.method)} is being sent at this moment, so it can no longer be held. Nothing was changed: try again in a minute.`
  const other = await findUserByEmail(address)
  return other
    ? `Another account (${other.name}) uses ${address} now, so it cannot be put back on this one. Nothing was changed.`
    : 'The address could not be put back. Nothing was changed; reload the page and try again.'
}

/** Each factor and payout method taken off, in the member's security log (the restore email lists them). */
async function logRemovals(userId: string, additions: AccountAdditions, origin: RequestOrigin, now: Date) {
  for (const factor of additions.factors)
    await recordSecurityEvent({
      userId,
      kind: 'second_factor_removed',
      origin,
      detail: `${FACTOR_NAMES[factor.kind](factor.detail)} removed by an administrator with the email restore (added ${formatDateTime(factor.createdAt)})`,
      now,
      emailOwner: false,
    })
  for (const { method, inFlight } of additions.payoutMethods)
    await recordSecurityEvent({
      userId,
      kind: 'payout_method_removed',
      origin,
      detail: `${describePayoutMethod(method)} removed by an administrator with the email restore (added ${formatDateTime(method.createdAt)})${inFlight.length ? `; ${inFlight.length} payout${inFlight.length === 1 ? '' : 's'} to it held for review` : ''}`,
      now,
      emailOwner: false,
    })
}

type Restored = Extract<RestoreEmailOutcome, { ok: true }>

/** The admin audit trail's line for a restore: what was put back, removed and held, and why. */
export function restoreAuditLine(name: string, outcome: Restored, reason: string): string {
  const removed = outcome.removed.length ? `, removed ${outcome.removed.join('; ')}` : ''
  const held = outcome.held.length ? `, held payouts ${outcome.held.join('; ')}` : ''
  return `Put back the email address of ${name}: ${outcome.replaced} → ${outcome.restored}, signed out everywhere${removed}${held}: ${reason}`
}

/** What the admin's confirmation adds after "signed out everywhere": how much was removed and held. */
export function restoreToastTail({ counts, held }: Restored): string {
  const count = (n: number, one: string, many: string) => (n ? [`${n} ${n === 1 ? one : many}`] : [])
  const removed = [
    ...count(counts.factors, 'second factor', 'second factors'),
    ...count(counts.payoutMethods, 'payout method', 'payout methods'),
  ]
  return [
    removed.length ? ` Removed ${removed.join(' and ')} added since.` : '',
    held.length ? ` ${count(held.length, 'payout is', 'payouts are').join('')} held for review on Payouts.` : '',
  ].join('')
}

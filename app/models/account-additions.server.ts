import { and, asc, eq, gte, inArray, ne } from 'drizzle-orm'
import { PAYOUT_MACHINE } from '~/domain/payout-machine'
import { fromStates, toState } from '~/domain/state-machine'
import { getDb } from './db.server'
import { backupCodes, payoutMethods, payouts, smsFactors, totpFactors, webauthnCredentials } from './schema'
import { changePayoutStatusSync, type Payout, type PayoutMethod } from './payouts.server'
import { changeUserEmailSync } from './users.server'

/**
 * What whoever took over an account may have added to keep it or its money: second factors and
 * payout methods made since a moment (the address change an admin undoes). Email codes are left
 * out: once the address is put back they go to the owner.
 */
export type AddedFactor = {
  kind: 'totp' | 'sms' | 'passkey' | 'security_key' | 'backup_codes'
  /** The phone number, the key's name, or how many codes of the set are still unused. */
  detail: string | null
  createdAt: Date
}

/** A payout method added since, with its payouts not yet sent (requested or held). */
type AddedPayoutMethod = { method: PayoutMethod; inFlight: Payout[] }

export type AccountAdditions = { factors: AddedFactor[]; payoutMethods: AddedPayoutMethod[] }

const IN_FLIGHT = ['requested', 'held'] as const

function listAdditionsSinceSync(userId: string, since: Date): AccountAdditions {
  const db = getDb()
  const factors: AddedFactor[] = []
  const totp = db
    .select()
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, userId), gte(totpFactors.createdAt, since)))
    .get()
  if (totp) factors.push({ kind: 'totp', detail: null, createdAt: totp.createdAt })
  const sms = db
    .select()
    .from(smsFactors)
    .where(and(eq(smsFactors.userId, userId), gte(smsFactors.createdAt, since)))
    .get()
  if (sms) factors.push({ kind: 'sms', detail: sms.phoneE164, createdAt: sms.createdAt })
  for (const key of db
    .select()
    .from(webauthnCredentials)
    .where(and(eq(webauthnCredentials.userId, userId), gte(webauthnCredentials.createdAt, since)))
    .orderBy(asc(webauthnCredentials.createdAt))
    .all())
    factors.push({ kind: key.kind, detail: key.name, createdAt: key.createdAt })
  // A set of backup codes shares its creation time (a new set replaces the old one).
  const codes = db
    .select()
    .from(backupCodes)
    .where(and(eq(backupCodes.userId, userId), gte(backupCodes.createdAt, since)))
    .all()
  const sets = new Map<number, (typeof codes)[number][]>()
  for (const code of codes) sets.set(code.createdAt.getTime(), [...(sets.get(code.createdAt.getTime()) ?? []), code])
  for (const [madeAt, set] of sets) {
    const unused = set.filter((code) => code.usedAt === null).length
    factors.push({ kind: 'backup_codes', detail: `${unused} of ${set.length} unused`, createdAt: new Date(madeAt) })
  }
  const methods = db
    .select()
    .from(payoutMethods)
    .where(
      and(eq(payoutMethods.userId, userId), ne(payoutMethods.status, 'removed'), gte(payoutMethods.createdAt, since)),
    )
    .orderBy(asc(payoutMethods.createdAt))
    .all()
  const waiting = methods.length
    ? db
        .select()
        .from(payouts)
        .where(
          and(
            inArray(
              payouts.methodId,
              methods.map((method) => method.id),
            ),
            inArray(payouts.status, [...IN_FLIGHT]),
          ),
        )
        .orderBy(asc(payouts.createdAt))
        .all()
    : []
  return {
    factors: factors.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    payoutMethods: methods.map((method) => ({
      method,
      inFlight: waiting.filter((payout) => payout.methodId === method.id),
    })),
  }
}

export async function listAdditionsSince(userId: string, since: Date): Promise<AccountAdditions> {
  return listAdditionsSinceSync(userId, since)
}

export type RestoreAndUndoOutcome =
  | { ok: true; additions: AccountAdditions; held: Payout[] }
  | { ok: false; reason: 'address_taken' | 'added_since_listed' }
  | { ok: false; reason: 'payout_sending'; payout: Payout; method: PayoutMethod }

class Refusal extends Error {
  constructor(readonly outcome: Exclude<RestoreAndUndoOutcome, { ok: true }>) {
    super(outcome.reason)
  }
}

const newerThan = (additions: AccountAdditions, listedAt: Date) =>
  [...additions.factors, ...additions.payoutMethods.flatMap(({ method, inFlight }) => [method, ...inFlight])].some(
    (added) => added.createdAt > listedAt,
  )

/**
 * In one transaction: puts `address` back on the account (as changeUserEmail with an admin's
 * reason), deletes the second factors added since `since`, removes the payout methods added since
 * (the row stays, so their payouts still say where they go) and holds those methods' payouts that
 * wait to be sent, with `holdReason`, for an admin to release or cancel. Nothing changes when the
 * address is taken, when anything was added after `listedAt` (the admin did not see it), or when
 * one of those payouts is being sent right now (it can no longer be held).
 */
export function restoreEmailUndoingAdditions(input: {
  userId: string
  address: string
  since: Date
  listedAt: Date
  adminId: string
  reason: string
  holdReason: string
  now: Date
}): RestoreAndUndoOutcome {
  const { userId, since, now } = input
  try {
    return getDb().transaction((tx) => {
      const how = { confirmedBy: 'restored_by_admin', adminId: input.adminId, reason: input.reason } as const
      if (!changeUserEmailSync(userId, input.address, how, now))
        throw new Refusal({ ok: false, reason: 'address_taken' })
      const additions = listAdditionsSinceSync(userId, since)
      if (newerThan(additions, input.listedAt)) throw new Refusal({ ok: false, reason: 'added_since_listed' })
      tx.delete(totpFactors)
        .where(and(eq(totpFactors.userId, userId), gte(totpFactors.createdAt, since)))
        .run()
      tx.delete(smsFactors)
        .where(and(eq(smsFactors.userId, userId), gte(smsFactors.createdAt, since)))
        .run()
      tx.delete(webauthnCredentials)
        .where(and(eq(webauthnCredentials.userId, userId), gte(webauthnCredentials.createdAt, since)))
        .run()
      tx.delete(backupCodes)
        .where(and(eq(backupCodes.userId, userId), gte(backupCodes.createdAt, since)))
        .run()
      const held: Payout[] = []
      for (const { method, inFlight } of additions.payoutMethods) {
        for (const payout of inFlight) {
          const sending = () => new Refusal({ ok: false, reason: 'payout_sending', payout, method })
          if (payout.sendingAt) throw sending()
          if (payout.status === 'held') continue
          const holding = changePayoutStatusSync({
            id: payout.id,
            from: fromStates(PAYOUT_MACHINE, 'hold'),
            to: toState(PAYOUT_MACHINE, 'hold'),
            reason: input.holdReason,
            actorId: input.adminId,
            at: now,
            sending: 'unclaimed',
          })
          if (!holding) throw sending()
          held.push(payout)
        }
        tx.update(payoutMethods)
          .set({ status: 'removed', removedAt: now, updatedAt: now })
          .where(eq(payoutMethods.id, method.id))
          .run()
      }
      return { ok: true, additions, held } as const
    })
  } catch (error) {
    if (error instanceof Refusal) return error.outcome
    throw error
  }
}

/**
 * An admin works through the fraud signals (off-platform contact flagged in messages): marks one
 * reviewed, or reopens it so it waits for review again.
 */
import { setFraudSignalReviewed } from '~/models/fraud-signals.server'
import type { Role } from '~/domain/enums'
import type { Refusal } from '~/services/domain-errors'

export type FraudSignalReview = 'review' | 'reopen'

export type FraudSignalOutcome = { ok: true } | Refusal<'forbidden' | 'conflict'>

export async function reviewFraudSignal(
  actor: { role: Role },
  signalId: string,
  intent: FraudSignalReview,
  now = new Date(),
): Promise<FraudSignalOutcome> {
  if (actor.role !== 'admin') return { ok: false, reason: 'forbidden', message: 'Only admins review fraud signals.' }
  if (await setFraudSignalReviewed(signalId, intent === 'review' ? now : null)) return { ok: true }
  const allowed = intent === 'review' ? 'reopen' : 'mark reviewed'
  return {
    ok: false,
    reason: 'conflict',
    message: `That signal is already ${intent === 'review' ? 'reviewed' : 'waiting'} (or gone); you can ${allowed} it instead.`,
  }
}

import { hasSecurityEventBetween } from '~/models/security-events.server'
import type { SecurityEventKind } from './event-kinds'
import { NEW_FACTOR_HOLD_MS } from './step-up'

/** Every way the second factors of an account change: one added, one removed, backup codes made. */
const FACTOR_CHANGES: SecurityEventKind[] = ['second_factor_added', 'second_factor_removed', 'backup_codes_generated']

/**
 * Whether the account's second factors changed in the day before `at`. Payout methods added then
 * are held for review: it is what someone who took over a session would do next.
 */
export async function factorsChangedInDayBefore(userId: string, at: Date): Promise<boolean> {
  return hasSecurityEventBetween(userId, FACTOR_CHANGES, new Date(at.getTime() - NEW_FACTOR_HOLD_MS), at)
}

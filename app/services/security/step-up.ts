import { DAY_MS, MINUTE_MS } from '~/domain/durations'
/** Sensitive changes need a second factor passed within this window on the same session. */
export const STEP_UP_WINDOW_MS = 10 * MINUTE_MS

/**
 * A factor added less than this long ago does not confirm sensitive changes: whoever added it may
 * hold a stolen session, and must not be able to confirm with a factor of their own making.
 * Sign-in still accepts it. Payout methods added this soon after a factor change are held too.
 */
export const NEW_FACTOR_HOLD_MS = DAY_MS

export function hasRecentSecondFactor(secondFactorAt: Date | null, now: Date): boolean {
  return secondFactorAt !== null && now.getTime() - secondFactorAt.getTime() <= STEP_UP_WINDOW_MS
}

/** The password re-entered on this session within the step-up window (before a first factor is added). */
function hasRecentPasswordConfirm(passwordConfirmedAt: Date | null, now: Date): boolean {
  return hasRecentSecondFactor(passwordConfirmedAt, now)
}

/** Whether a factor added at `addedAt` may confirm sensitive changes; null means it is not a new factor (the account's email). */
export function isEstablishedFactor(addedAt: Date | null, now: Date): boolean {
  return addedAt === null || now.getTime() - addedAt.getTime() >= NEW_FACTOR_HOLD_MS
}

/** What adding a second factor needs first: a recent second factor when the account has one, else the password. */
type EnrolmentCheck = 'ok' | 'second-factor' | 'password'

export function enrolmentCheck(
  input: { hasFactor: boolean; secondFactorAt: Date | null; passwordConfirmedAt: Date | null },
  now: Date,
): EnrolmentCheck {
  if (input.hasFactor) return hasRecentSecondFactor(input.secondFactorAt, now) ? 'ok' : 'second-factor'
  return hasRecentPasswordConfirm(input.passwordConfirmedAt, now) ? 'ok' : 'password'
}

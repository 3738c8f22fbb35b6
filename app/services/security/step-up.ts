/** Sensitive changes need a second factor passed within this window on the same session. */
export const STEP_UP_WINDOW_MS = 10 * 60_000

export function hasRecentSecondFactor(secondFactorAt: Date | null, now: Date): boolean {
  return secondFactorAt !== null && now.getTime() - secondFactorAt.getTime() <= STEP_UP_WINDOW_MS
}

export type CompletenessInput = {
  headline: string
  bio: string
  hourlyRateMinor: number | null
  skillCount: number
}

/** A bio this long counts towards a complete profile (the settings form says so under "About you"). */
export const COMPLETE_BIO_CHARS = 100

const CHECKS: Array<{ label: string; done: (p: CompletenessInput) => boolean }> = [
  { label: 'Write a headline', done: (p) => p.headline.trim().length >= 10 },
  {
    label: `Write a bio of at least ${COMPLETE_BIO_CHARS} characters`,
    done: (p) => p.bio.trim().length >= COMPLETE_BIO_CHARS,
  },
  { label: 'Set your hourly rate', done: (p) => (p.hourlyRateMinor ?? 0) > 0 },
  { label: 'Add at least three skills', done: (p) => p.skillCount >= 3 },
]

/** A percentage and the steps still open, so the number is never a black box. */
export function profileCompleteness(profile: CompletenessInput): { percent: number; missing: string[] } {
  const missing = CHECKS.filter((check) => !check.done(profile)).map((check) => check.label)
  return { percent: Math.round(((CHECKS.length - missing.length) / CHECKS.length) * 100), missing }
}

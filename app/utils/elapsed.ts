/**
 * A length of time in the unit a person would use: "under a minute", "25 min", "1 hour",
 * "3.8 hours" (under two days), "2.5 days". An average of same-day waits reads in hours, never
 * as "0.0 days".
 */
export function formatElapsedHours(hours: number): string {
  const safe = Math.max(0, hours)
  const minutes = Math.round(safe * 60)
  if (minutes < 1) return 'under a minute'
  if (minutes < 60) return `${minutes} min`
  const tenths = (value: number) => Math.round(value * 10) / 10
  if (safe < 48) {
    const shown = tenths(safe)
    return `${shown} ${shown === 1 ? 'hour' : 'hours'}`
  }
  return `${tenths(safe / 24)} days`
}

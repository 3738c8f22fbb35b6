// Apart from price-suggestion.ts, whose zod schema would otherwise come with it into the browser.
/**
 * Accepted bids are private to the two sides of a contract: their figures are shown (and used in a
 * suggestion) only once the matching bids come from at least this many different freelancers, so
 * that no figure is one person's price. Profile rates are public and need no such floor.
 */
export const MIN_BIDDERS = 5

/**
 * A figure drawn from accepted bids, rounded to two significant figures (in minor units: $1,234.56
 * shows as $1,200, $45.50 as $46), so that even a quartile that falls on one bid is not its exact amount.
 */
export function roundForDisplay(minor: number): number {
  if (minor < 100) return minor
  const unit = 10 ** (Math.floor(Math.log10(minor)) - 1)
  return Math.round(minor / unit) * unit
}

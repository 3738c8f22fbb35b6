// Apart from price-suggestion.ts, whose zod schema would otherwise come with it into the browser.
/**
 * Accepted bids are private to the two sides of a contract: their figures are shown (and used in a
 * suggestion) only once the matching bids come from at least this many different freelancers, so
 * that no figure is one person's price. Profile rates are public and need no such floor.
 */
export const MIN_BIDDERS = 5

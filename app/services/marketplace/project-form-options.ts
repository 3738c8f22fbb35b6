import { withCommonFirst } from '~/domain/currency-digits'

// The project form's choices, apart from project-schemas.ts so its zod schemas stay out of the browser.

/**
 * The currencies a project budget may be in (the select on the project form): every active ISO 4217
 * fiat currency, the most used first, then the rest by code.
 */
export const PROJECT_CURRENCIES = withCommonFirst(['USD', 'EUR', 'GBP', 'INR', 'PKR', 'CAD', 'AUD'])

/** Today as YYYY-MM-DD in UTC, the calendar the deadlines are stored in. */
export function isoToday(now = new Date()): string {
  return now.toISOString().slice(0, 10)
}

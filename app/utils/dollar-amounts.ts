import { currencyDigits } from './format'
import { convertMinor } from './money-conversion'

/**
 * Whole US dollars in `currency`'s minor units at `usdRate` (units of `currency` per 1 USD), rounded
 * half up and at least 1, for limits published in dollars. A `usdRate` of "1" for another currency
 * means nobody prices it: the dollars count as whole units of it rather than failing the page.
 * The one conversion of a published dollar figure (dollar-amounts.server.ts finds today's rate).
 */
export function dollarsInMinorAt(dollars: number, currency: string, usdRate: string): number {
  const digits = currencyDigits(currency)
  if (usdRate === '1') return dollars * 10 ** digits
  return Math.max(1, Number(convertMinor(BigInt(Math.round(dollars * 100)), 2, digits, usdRate)))
}

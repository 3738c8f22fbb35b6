import { convertAmount } from './rates.server'
import { currencyDigits } from '~/utils/format'

/**
 * Whole US dollars in `currency`'s minor units at the day's rate (at least 1), for limits published
 * in dollars. A currency nobody prices counts the dollars as whole units of itself rather than
 * failing the page that asks.
 */
export async function dollarsInMinor(dollars: number, currency: string, now = new Date()): Promise<number> {
  if (currency === 'USD') return dollars * 100
  try {
    const { amountMinor } = await convertAmount(BigInt(dollars * 100), 'USD', currency, now)
    return Math.max(1, Number(amountMinor))
  } catch {
    return dollars * 10 ** currencyDigits(currency)
  }
}

import { getExchangeRate } from './rates.server'
import { dollarsInMinorAt } from '~/utils/dollar-amounts'

/**
 * Units of `currency` per 1 US dollar at the day's rate, for limits published in dollars: "1" for
 * the dollar, and for a currency nobody prices (its limits then count as whole units of itself
 * rather than failing the page that asks).
 */
export async function usdRateOf(currency: string, now = new Date()): Promise<string> {
  if (currency === 'USD') return '1'
  try {
    return (await getExchangeRate('USD', currency, now)).rate
  } catch {
    return '1'
  }
}

/** Whole US dollars in `currency`'s minor units at the day's rate (at least 1). */
export async function dollarsInMinor(dollars: number, currency: string, now = new Date()): Promise<number> {
  return dollarsInMinorAt(dollars, currency, await usdRateOf(currency, now))
}

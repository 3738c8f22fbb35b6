import { makeApproximator, type ApproximationRate, type Approximator } from './approximate-amounts'
import { getExchangeRate, NoRateError, UnknownCurrencyError } from './rates.server'

/**
 * The approximator for one page of a member's own money: the rate (as the app holds it today: the
 * cached live rate, or the shipped one) from each currency the page shows into `target`, the
 * member's chosen display currency. No preference reads no rate; a pair nobody prices shows nothing.
 */
export async function openApproximator(
  target: string | null,
  currencies: Iterable<string>,
  now = new Date(),
): Promise<Approximator> {
  const rates = new Map<string, ApproximationRate>()
  if (target) {
    for (const currency of new Set(currencies)) {
      if (currency === target) continue
      try {
        const rate = await getExchangeRate(currency, target, now)
        if (rate.source !== 'identity') rates.set(currency, { ...rate, source: rate.source })
      } catch (error) {
        if (!(error instanceof NoRateError) && !(error instanceof UnknownCurrencyError)) throw error
      }
    }
  }
  return makeApproximator(target, rates)
}

import { setDisplayCurrency } from '~/models/users.server'
import { findCurrency } from '~/domain/currencies'
import type { DisplayCurrencySchema } from './display-currency-schemas'
import type * as z from 'zod'

/** Saves the member's display currency ("none" clears it) and says what changed, for the toast. */
export async function saveDisplayCurrency(
  userId: string,
  { displayCurrency }: z.output<typeof DisplayCurrencySchema>,
): Promise<{ message: string }> {
  const currency = displayCurrency === 'none' ? null : displayCurrency
  await setDisplayCurrency(userId, currency)
  return {
    message: currency
      ? `Your wallet, payments, payouts, dashboard and contracts now show approximate amounts in ${findCurrency(currency)?.name ?? currency} (${currency}) beside the real ones.`
      : 'Approximate amounts are off: your pages show only the real amounts.',
  }
}

import {
  addFavouriteCurrency,
  countFavouriteCurrencies,
  listFavouriteCurrencies,
  removeFavouriteCurrency,
} from '~/models/currency-favourites.server'
import { findCurrency } from '../../../domain/currencies'

export const MAX_FAVOURITE_CURRENCIES = 20

export type FavouriteOutcome =
  { ok: true; code: string; message: string } | { ok: false; reason: 'invalid' | 'conflict'; message: string }

/** Stars or unstars a currency for a user; codes are checked against the currency list. */
export async function setFavouriteCurrency(
  userId: string,
  code: string,
  starred: boolean,
  now = new Date(),
): Promise<FavouriteOutcome> {
  const currency = findCurrency(code)
  if (!currency) return { ok: false, reason: 'invalid', message: `“${code}” is not a currency we know.` }
  if (!starred) {
    await removeFavouriteCurrency(userId, currency.code)
    return { ok: true, code: currency.code, message: `Removed ${currency.code} from your favourites.` }
  }
  const favourites = await listFavouriteCurrencies(userId)
  if (!favourites.includes(currency.code) && (await countFavouriteCurrencies(userId)) >= MAX_FAVOURITE_CURRENCIES) {
    return {
      ok: false,
      reason: 'conflict',
      message: `You can keep up to ${MAX_FAVOURITE_CURRENCIES} favourites: remove one first.`,
    }
  }
  await addFavouriteCurrency(userId, currency.code, now)
  return { ok: true, code: currency.code, message: `Added ${currency.code} (${currency.name}) to your favourites.` }
}

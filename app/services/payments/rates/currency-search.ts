import { data as isoCurrencies } from 'currency-codes'
import { findCurrency, listCurrencies, type CurrencyInfo } from '../../../domain/currencies'

/** Countries using each ISO currency, so "japan" finds JPY and "swiss" finds CHF. */
const COUNTRIES = new Map(isoCurrencies.map((record) => [record.code, record.countries.join(' ').toLowerCase()]))
/** Names people search crypto by besides the code and name. */
const CRYPTO_WORDS: Readonly<Record<string, string>> = {
  ETH: 'ethereum',
  USDT: 'stablecoin',
  USDC: 'circle stablecoin',
  BNB: 'binance',
  POL: 'matic polygon',
}

function matches(currency: CurrencyInfo, needle: string): boolean {
  if (currency.code.toLowerCase().startsWith(needle)) return true
  const words =
    `${currency.name} ${COUNTRIES.get(currency.code) ?? ''} ${CRYPTO_WORDS[currency.code] ?? ''}`.toLowerCase()
  // Matches at the start of a word: "yen" is the yen, not "Jan Mayen".
  return ` ${words.replace(/[^\p{L}\p{N}]+/gu, ' ')}`.includes(` ${needle}`)
}

/** Currencies whose code starts with, or whose name or countries contain, the query (all when empty). */
export function searchCurrencies(query: string): CurrencyInfo[] {
  const needle = query.trim().toLowerCase()
  if (!needle) return listCurrencies()
  const exact = findCurrency(needle)
  const found = listCurrencies().filter((currency) => matches(currency, needle))
  // An exact code (or alias: MATIC → POL) comes first.
  return exact ? [exact, ...found.filter((currency) => currency.code !== exact.code)] : found
}

export type CurrencyChoices = { favourites: CurrencyInfo[]; fiat: CurrencyInfo[]; crypto: CurrencyInfo[] }

/**
 * The options of a currency select: favourites first, then fiat and crypto matching the search.
 * The `keep` codes (what is selected now) always stay, so narrowing never loses a choice.
 */
export function currencyChoices({
  query = '',
  favourites = [],
  keep = [],
}: {
  query?: string
  favourites?: readonly string[]
  keep?: readonly string[]
}): CurrencyChoices {
  const starred = favourites.map(findCurrency).filter((currency): currency is CurrencyInfo => Boolean(currency))
  const starredCodes = new Set(starred.map((currency) => currency.code))
  const kept = new Set(keep.map((code) => findCurrency(code)?.code).filter(Boolean))
  const needle = query.trim().toLowerCase()
  const shown = listCurrencies().filter(
    (currency) => !starredCodes.has(currency.code) && (!needle || kept.has(currency.code) || matches(currency, needle)),
  )
  return {
    favourites: starred,
    fiat: shown.filter((currency) => currency.kind === 'fiat'),
    crypto: shown.filter((currency) => currency.kind === 'crypto'),
  }
}

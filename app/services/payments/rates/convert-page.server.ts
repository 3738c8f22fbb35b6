import { parseWithZod } from '@conform-to/zod/v4'
import { formatAge, formatDateTime } from '~/utils/format'
import { convertMinor, parseDecimalToMinor, roundRate } from '../../../utils/money-conversion'
import { findCurrency, type CurrencyInfo } from '../../../domain/currencies'
import { ConvertSchema } from './convert-schemas'
import { currencyChoices, searchCurrencies, type CurrencyChoices } from './currency-search'
import { getExchangeRate, NoRateError, type ExchangeRateSource } from './rates.server'

const DEFAULT_FROM = 'USD'
const DEFAULT_TO = 'EUR'

const SOURCE_LABELS: Record<ExchangeRateSource, string> = {
  ecb: 'European Central Bank reference rate',
  coingecko: 'CoinGecko',
  snapshot: 'the rates shipped with MegiLance (approximate, used when offline)',
  identity: 'same currency',
}

/** An amount in minor units (a decimal string: bigint does not travel as JSON) and its currency code. */
type MinorAmount = { minor: string; currency: string }

type Conversion = {
  amount: MinorAmount
  result: MinorAmount
  rate: string
  inverseRate: string
  source: ExchangeRateSource
  sourceLabel: string
  asOf: string
  asOfText: string
  age: string
}

export type ConvertPage = {
  values: { amount: string; from: string; to: string; q: string }
  errors: Record<string, string[] | null> | null
  conversion: Conversion | null
  noRate: string | null
  choices: CurrencyChoices
  /** Search results with their star state, shown when a search was made. */
  matches: Array<CurrencyInfo & { favourite: boolean }> | null
  favourites: CurrencyInfo[]
}

/** Everything /convert shows for a query string: the form's values, errors, the result and the lists. */
export async function buildConvertPage(
  params: URLSearchParams,
  favouriteCodes: string[],
  now = new Date(),
): Promise<ConvertPage> {
  const values = {
    amount: params.get('amount') ?? '',
    from: findCurrency(params.get('from') ?? '')?.code ?? params.get('from') ?? DEFAULT_FROM,
    to: findCurrency(params.get('to') ?? '')?.code ?? params.get('to') ?? DEFAULT_TO,
    q: (params.get('q') ?? '').trim().slice(0, 60),
  }
  const page: ConvertPage = {
    values,
    errors: null,
    conversion: null,
    noRate: null,
    choices: currencyChoices({ query: values.q, favourites: favouriteCodes, keep: [values.from, values.to] }),
    matches: values.q
      ? searchCurrencies(values.q).map((currency) => ({
          ...currency,
          favourite: favouriteCodes.includes(currency.code),
        }))
      : null,
    favourites: favouriteCodes.map(findCurrency).filter((currency): currency is CurrencyInfo => Boolean(currency)),
  }
  // A first visit, or a search without an amount, converts nothing and complains about nothing.
  if (!params.has('amount') || (values.amount.trim() === '' && values.q !== '')) return page

  const submission = parseWithZod(params, { schema: ConvertSchema })
  if (submission.status !== 'success') return { ...page, errors: submission.error ?? null }
  const { amount, from, to } = submission.value
  const source = findCurrency(from)!
  const target = findCurrency(to)!
  try {
    const rate = await getExchangeRate(source.code, target.code, now)
    const amountMinor = parseDecimalToMinor(amount, source.digits)!
    const resultMinor = convertMinor(amountMinor, source.digits, target.digits, rate.rate)
    const inverse = rate.source === 'identity' ? rate : await getExchangeRate(target.code, source.code, now)
    page.conversion = {
      amount: { minor: amountMinor.toString(), currency: source.code },
      result: { minor: resultMinor.toString(), currency: target.code },
      rate: roundRate(rate.rate),
      inverseRate: roundRate(inverse.rate),
      source: rate.source,
      sourceLabel: SOURCE_LABELS[rate.source],
      asOf: rate.asOf.toISOString(),
      asOfText: formatDateTime(rate.asOf),
      age: formatAge(rate.asOf, now),
    }
  } catch (error) {
    if (!(error instanceof NoRateError)) throw error
    page.noRate = `No rate for ${error.code}: neither the European Central Bank nor the rates shipped with MegiLance price it, so we cannot convert it.`
  }
  return page
}

import { findCachedRates, replaceCachedRates } from '~/models/exchange-rates.server'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { convertMinor, divideRates, multiplyRates } from '../../../utils/money-conversion'
import { findCurrency, type CurrencyInfo } from '../../../domain/currencies'
import { CoinGeckoRateProvider } from './coingecko.server'
import { EcbRateProvider } from './ecb.server'
import type { LiveRateSource, ProviderRate } from '~/domain/exchange-rates'
import type { RateProvider } from './provider'
import { RATE_SNAPSHOT } from './snapshot'
import { MINUTE_MS } from '~/domain/durations'

export type ExchangeRateSource = 'ecb' | 'coingecko' | 'snapshot' | 'identity'

/** 1 base = rate quote (a decimal string), as of asOf, from source. */
export type ExchangeRate = { base: string; quote: string; rate: string; asOf: Date; source: ExchangeRateSource }

export class UnknownCurrencyError extends Error {
  constructor(readonly code: string) {
    super(
      `Unknown currency "${code}": use an ISO 4217 code such as USD or EUR, or one of BTC, ETH, USDT, USDC, BNB, SOL, POL`,
    )
    this.name = 'UnknownCurrencyError'
  }
}

/** A real currency for which neither the ECB nor the shipped snapshot has a rate: we never invent one. */
export class NoRateError extends Error {
  constructor(readonly code: string) {
    super(`No exchange rate is available for ${code}: neither the ECB nor the shipped snapshot prices it`)
    this.name = 'NoRateError'
  }
}

/** How long fetched rates are reused before a provider is asked again. */
export const RATE_CACHE_MS = 5 * MINUTE_MS
/** After a provider fails, it is left alone this long so pages do not each wait for its timeout. */
const RETRY_AFTER_FAILURE_MS = MINUTE_MS

const lastFailure = new Map<LiveRateSource, number>()
const inFlight = new Map<LiveRateSource, Promise<ProviderRate[]>>()

function liveProviders(): Record<LiveRateSource, RateProvider> {
  return {
    ecb: new EcbRateProvider(),
    coingecko: new CoinGeckoRateProvider({ apiKey: getEnv().COINGECKO_API_KEY }),
  }
}

/** Fresh cache → provider (one request at a time) → last cached rates of any age → null (snapshot). */
async function liveRates(provider: RateProvider, now: Date): Promise<ProviderRate[] | null> {
  const cached = await findCachedRates(provider.source)
  if (cached && now.getTime() - cached.fetchedAt.getTime() < RATE_CACHE_MS) return cached.rates
  const failedAt = lastFailure.get(provider.source)
  if (failedAt === undefined || now.getTime() - failedAt >= RETRY_AFTER_FAILURE_MS) {
    let pending = inFlight.get(provider.source)
    if (!pending) {
      pending = provider.fetchRates().finally(() => inFlight.delete(provider.source))
      inFlight.set(provider.source, pending)
    }
    try {
      const rates = await pending
      await replaceCachedRates(provider.source, rates, now)
      lastFailure.delete(provider.source)
      return rates
    } catch (error) {
      lastFailure.set(provider.source, now.getTime())
      logger.warn(
        { err: error, source: provider.source },
        'exchange-rate provider failed; using cached or shipped rates',
      )
    }
  }
  return cached?.rates ?? null
}

/** A figure and where it came from; `neutral` figures (EUR per EUR, USD per USD) carry no source. */
type Figure =
  { rate: string; source: Exclude<ExchangeRateSource, 'identity'>; asOf: Date } | { rate: '1'; neutral: true }

type RateBook = { fiatPerEur(code: string): Figure; cryptoUsd(code: string): Figure }

const fromSnapshot = (rate: string): Figure => ({ rate, source: 'snapshot', asOf: RATE_SNAPSHOT.asOf })

/**
 * Units of a fiat currency per 1 EUR: the ECB's live rate, else the snapshot's ECB rate, else a
 * currency anchored to another (AED to USD, XOF to EUR, NAD to ZAR) through that one's rate.
 */
function fiatPerEur(code: string, live: Map<string, ProviderRate>, depth: number): Figure {
  if (code === 'EUR') return { rate: '1', neutral: true }
  const fetched = live.get(code)
  if (fetched) return { rate: fetched.rate, source: 'ecb', asOf: fetched.asOf }
  const shipped = RATE_SNAPSHOT.ecbPerEur[code]
  if (shipped) return fromSnapshot(shipped)
  const anchored = RATE_SNAPSHOT.others[code]
  if (!anchored || depth > 2) throw new NoRateError(code)
  const anchor = fiatPerEur(anchored.per, live, depth + 1)
  const rate = multiplyRates(anchor.rate, anchored.rate)
  // The anchoring figure comes from the snapshot, so the result is labelled as such, however fresh the anchor.
  return {
    rate,
    source: 'snapshot',
    asOf:
      'asOf' in anchor ? new Date(Math.min(anchor.asOf.getTime(), RATE_SNAPSHOT.asOf.getTime())) : RATE_SNAPSHOT.asOf,
  }
}

async function openRateBook(now: Date, needs: { fiat: boolean; crypto: boolean }): Promise<RateBook> {
  const live = getEnv().EXCHANGE_RATES_SOURCE === 'live'
  const providers = live ? liveProviders() : null
  const ecb = new Map<string, ProviderRate>()
  const coins = new Map<string, ProviderRate>()
  if (providers && needs.fiat) for (const rate of (await liveRates(providers.ecb, now)) ?? []) ecb.set(rate.quote, rate)
  if (providers && needs.crypto) {
    for (const rate of (await liveRates(providers.coingecko, now)) ?? [])
      if (rate.quote === 'USD') coins.set(rate.base, rate)
  }
  return {
    fiatPerEur(code) {
      return fiatPerEur(code, ecb, 0)
    },
    cryptoUsd(code) {
      const fetched = coins.get(code)
      if (fetched) return { rate: fetched.rate, source: 'coingecko', asOf: fetched.asOf }
      const shipped = RATE_SNAPSHOT.cryptoUsd[code]
      if (shipped) return fromSnapshot(shipped)
      throw new NoRateError(code)
    },
  }
}

/** The combined rate is as old as its oldest part, and "snapshot" as soon as any part is. */
function combine(base: string, quote: string, rate: string, figures: Figure[], now: Date): ExchangeRate {
  const sourced = figures.filter((figure): figure is Extract<Figure, { source: string }> => 'source' in figure)
  if (sourced.length === 0) return { base, quote, rate, asOf: now, source: 'identity' }
  const source = sourced.some((f) => f.source === 'snapshot')
    ? 'snapshot'
    : sourced.some((f) => f.source === 'coingecko')
      ? 'coingecko'
      : 'ecb'
  const asOf = new Date(Math.min(...sourced.map((f) => f.asOf.getTime())))
  return { base, quote, rate, asOf, source }
}

function resolve(code: string): CurrencyInfo {
  const currency = findCurrency(code)
  if (!currency) throw new UnknownCurrencyError(code.trim().toUpperCase())
  return currency
}

/**
 * How many `quote` one `base` buys, for any pair of known fiat and crypto currencies. Fiat crosses
 * through EUR (the ECB's base), crypto through USD (CoinGecko's prices). Throws UnknownCurrencyError
 * for a code we do not know and NoRateError for a fiat currency nobody prices.
 */
export async function getExchangeRate(base: string, quote: string, now = new Date()): Promise<ExchangeRate> {
  const from = resolve(base)
  const to = resolve(quote)
  if (from.code === to.code) return { base: from.code, quote: to.code, rate: '1', asOf: now, source: 'identity' }
  const fiats = [from, to].filter((currency) => currency.kind === 'fiat')
  const crypto = fiats.length < 2
  // Only a crypto against USD needs no fiat rate at all.
  const book = await openRateBook(now, { fiat: fiats.length === 2 || fiats.some((c) => c.code !== 'USD'), crypto })

  if (from.kind === 'fiat' && to.kind === 'fiat') {
    const a = book.fiatPerEur(from.code)
    const b = book.fiatPerEur(to.code)
    return combine(from.code, to.code, divideRates(b.rate, a.rate), [a, b], now)
  }
  if (from.kind === 'crypto' && to.kind === 'crypto') {
    const a = book.cryptoUsd(from.code)
    const b = book.cryptoUsd(to.code)
    return combine(from.code, to.code, divideRates(a.rate, b.rate), [a, b], now)
  }
  // One crypto, one fiat: coin → USD → fiat (USD → fiat through EUR).
  const coin = book.cryptoUsd(from.kind === 'crypto' ? from.code : to.code)
  const fiat = from.kind === 'fiat' ? from : to
  const parts: Figure[] = [coin]
  let fiatPerUsd = '1'
  if (fiat.code !== 'USD') {
    const usd = book.fiatPerEur('USD')
    const other = book.fiatPerEur(fiat.code)
    parts.push(usd, other)
    fiatPerUsd = divideRates(other.rate, usd.rate)
  }
  const fiatPerCoin = multiplyRates(coin.rate, fiatPerUsd)
  const rate = from.kind === 'crypto' ? fiatPerCoin : divideRates('1', fiatPerCoin)
  return combine(from.code, to.code, rate, parts, now)
}

/**
 * An amount in minor units of `from` converted to minor units of `to` at the current rate (rounded
 * half up), with the rate used, e.g. to lock a crypto payment request's price.
 */
export async function convertAmount(
  amountMinor: bigint,
  from: string,
  to: string,
  now = new Date(),
): Promise<{ amountMinor: bigint; rate: ExchangeRate }> {
  const rate = await getExchangeRate(from, to, now)
  return { amountMinor: convertMinor(amountMinor, resolve(from).digits, resolve(to).digits, rate.rate), rate }
}

import { numberToRate } from '../../../utils/money-conversion'
import type { ProviderRate } from '~/domain/exchange-rates'
import { fetchWithTimeout, RateProviderError, type RateProvider } from './provider'

export const COINGECKO_API_URL = 'https://api.coingecko.com/api/v3'

/** CoinGecko's coin ids for our seven cryptocurrencies (POL is the renamed MATIC). */
const COINGECKO_IDS: Readonly<Record<string, string>> = {
  BTC: 'bitcoin',
  ETH: 'ethereum',
  USDT: 'tether',
  USDC: 'usd-coin',
  BNB: 'binancecoin',
  SOL: 'solana',
  POL: 'polygon-ecosystem-token',
}

const VS_CURRENCIES = ['usd', 'eur'] as const

type SimplePrice = Record<
  string,
  Partial<Record<(typeof VS_CURRENCIES)[number] | 'last_updated_at', number>> | undefined
>

/** Reads /simple/price: `{ "bitcoin": { "usd": 97000.1, "eur": 89000.2, "last_updated_at": 1764604800 } }`. */
function parseSimplePrice(body: unknown, fetchedAt: Date): ProviderRate[] {
  if (!body || typeof body !== 'object') throw new RateProviderError('coingecko', 'unexpected answer')
  const prices = body as SimplePrice
  const rates = Object.entries(COINGECKO_IDS).flatMap(([code, id]): ProviderRate[] => {
    const entry = prices[id]
    if (!entry) return []
    const updated = entry.last_updated_at
    const asOf = typeof updated === 'number' && updated > 0 ? new Date(updated * 1000) : fetchedAt
    return VS_CURRENCIES.flatMap((vs) => {
      const price = entry[vs]
      return typeof price === 'number' && Number.isFinite(price) && price > 0
        ? [{ base: code, quote: vs.toUpperCase(), rate: numberToRate(price), asOf }]
        : []
    })
  })
  if (rates.length === 0) throw new RateProviderError('coingecko', 'no prices in the answer')
  return rates
}

export class CoinGeckoRateProvider implements RateProvider {
  readonly source = 'coingecko' as const
  constructor(private readonly options: { baseUrl?: string; apiKey?: string; timeoutMs?: number } = {}) {}

  async fetchRates(): Promise<ProviderRate[]> {
    const url = new URL(`${this.options.baseUrl ?? COINGECKO_API_URL}/simple/price`)
    url.searchParams.set('ids', Object.values(COINGECKO_IDS).join(','))
    url.searchParams.set('vs_currencies', VS_CURRENCIES.join(','))
    url.searchParams.set('include_last_updated_at', 'true')
    url.searchParams.set('precision', 'full')
    const headers: Record<string, string> = { accept: 'application/json' }
    // A free "demo" key raises CoinGecko's rate limit; the public endpoint works without one.
    if (this.options.apiKey) headers['x-cg-demo-api-key'] = this.options.apiKey
    const response = await fetchWithTimeout('coingecko', url.toString(), this.options.timeoutMs ?? 5000, { headers })
    let body: unknown
    try {
      body = await response.json()
    } catch (error) {
      throw new RateProviderError('coingecko', 'answer is not JSON', { cause: error })
    }
    return parseSimplePrice(body, new Date())
  }
}

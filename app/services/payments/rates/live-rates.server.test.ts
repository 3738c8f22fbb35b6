import { delay, http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clearCachedRates, findCachedRates } from '~/models/exchange-rates.server'
import { getExchangeRate, RATE_CACHE_MS } from './rates.server'
import { COINGECKO_API_URL, CoinGeckoRateProvider } from './coingecko.server'
import { ECB_DAILY_URL, EcbRateProvider, ecbPublicationTime, parseEcbDailyXml } from './ecb.server'
import { RateProviderError } from './provider'
import { RATE_SNAPSHOT } from './snapshot'
import { server } from '~/test/msw-server'

// This file runs the app in live mode; hoisted above the imports, which already read the environment.
vi.hoisted(() => {
  process.env.EXCHANGE_RATES_SOURCE = 'live'
})

const ECB_XML = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube>
    <Cube time='2026-11-30'>
      <Cube currency='USD' rate='1.0500'/>
      <Cube currency='JPY' rate='160.25'/>
      <Cube currency='GBP' rate='0.83000'/>
      <Cube currency='ZZZ' rate='9.99'/>
    </Cube>
  </Cube>
</gesmes:Envelope>`

const COINGECKO_URL = `${COINGECKO_API_URL}/simple/price`
const GECKO_BODY = {
  bitcoin: { usd: 100000, eur: 95238.1, last_updated_at: 1796144100 },
  ethereum: { usd: 4000.5, eur: 3810, last_updated_at: 1796144100 },
  tether: { usd: 1.0002, eur: 0.9526, last_updated_at: 1796144100 },
  'usd-coin': { usd: 0.9999, eur: 0.9523, last_updated_at: 1796144100 },
  binancecoin: { usd: 900, eur: 857.14, last_updated_at: 1796144100 },
  solana: { usd: 200, eur: 190.48, last_updated_at: 1796144100 },
  'polygon-ecosystem-token': { usd: 0.00000012, eur: 0.00000011, last_updated_at: 1796144100 },
}

const requests: string[] = []
beforeEach(async () => {
  requests.length = 0
  await clearCachedRates()
  server.events.on('request:start', ({ request }) => void requests.push(new URL(request.url).hostname))
})
afterEach(() => {
  server.events.removeAllListeners()
})

const ecbAnswers = () =>
  http.get(ECB_DAILY_URL, () => HttpResponse.text(ECB_XML, { headers: { 'content-type': 'text/xml' } }))
const geckoAnswers = () => http.get(COINGECKO_URL, () => HttpResponse.json(GECKO_BODY))

// Each test uses its own minutes so the one-minute back-off after a failure never carries over.
let clock = Date.parse('2026-12-01T17:00:00Z')
const later = (ms = 10 * 60_000) => new Date((clock += ms))

describe('ECB adapter', () => {
  it('reads the daily reference XML: EUR-based rates of currencies we know, at 16:00 Frankfurt time', () => {
    const rates = parseEcbDailyXml(ECB_XML)
    expect(rates.map((r) => [r.base, r.quote, r.rate])).toEqual([
      ['EUR', 'USD', '1.0500'],
      ['EUR', 'JPY', '160.25'],
      ['EUR', 'GBP', '0.83000'],
    ])
    expect(rates[0]?.asOf).toEqual(new Date('2026-11-30T15:00:00Z'))
    expect(ecbPublicationTime('2026-07-01')).toEqual(new Date('2026-07-01T14:00:00Z'))
  })

  it('refuses XML without rates', () => {
    expect(() => parseEcbDailyXml('<html>maintenance</html>')).toThrow(RateProviderError)
  })

  it('gives up after its timeout', async () => {
    server.use(http.get(ECB_DAILY_URL, async () => (await delay(1000), HttpResponse.text(ECB_XML))))
    await expect(new EcbRateProvider({ timeoutMs: 50 }).fetchRates()).rejects.toThrow(/no answer within 50 ms/)
  })
})

describe('CoinGecko adapter', () => {
  it('asks simple/price for the seven coins in usd and eur and reads the prices as decimals', async () => {
    let asked: URL | undefined
    server.use(
      http.get(COINGECKO_URL, ({ request }) => ((asked = new URL(request.url)), HttpResponse.json(GECKO_BODY))),
    )
    const rates = await new CoinGeckoRateProvider({ apiKey: 'CG-demo-key' }).fetchRates()
    expect(asked?.searchParams.get('ids')).toBe(
      'bitcoin,ethereum,tether,usd-coin,binancecoin,solana,polygon-ecosystem-token',
    )
    expect(asked?.searchParams.get('vs_currencies')).toBe('usd,eur')
    expect(rates).toHaveLength(14)
    expect(rates.find((r) => r.base === 'POL' && r.quote === 'USD')?.rate).toBe('0.00000012')
    expect(rates.find((r) => r.base === 'BTC' && r.quote === 'EUR')).toEqual({
      base: 'BTC',
      quote: 'EUR',
      rate: '95238.1',
      asOf: new Date(1796144100 * 1000),
    })
  })

  it('reports an HTTP error such as a rate limit', async () => {
    server.use(http.get(COINGECKO_URL, () => HttpResponse.json({ status: { error_code: 429 } }, { status: 429 })))
    await expect(new CoinGeckoRateProvider().fetchRates()).rejects.toThrow(/coingecko: HTTP 429/)
  })
})

describe('live exchange rates', () => {
  it('uses the ECB for fiat and CoinGecko for crypto', async () => {
    server.use(ecbAnswers(), geckoAnswers())
    const now = later()
    const usdJpy = await getExchangeRate('USD', 'JPY', now)
    expect(usdJpy).toMatchObject({ rate: '152.619047619047619', source: 'ecb', asOf: new Date('2026-11-30T15:00:00Z') })
    const btcGbp = await getExchangeRate('BTC', 'GBP', now)
    // 100000 USD × (0.83 / 1.05) GBP per USD; as old as the older part (the ECB's).
    expect(btcGbp).toMatchObject({
      rate: '79047.6190476190476',
      source: 'coingecko',
      asOf: new Date('2026-11-30T15:00:00Z'),
    })
    expect(await getExchangeRate('BTC', 'USD', now)).toMatchObject({
      rate: '100000',
      source: 'coingecko',
      asOf: new Date(1796144100 * 1000),
    })
  })

  it('reuses the cached rates for 5 minutes without any request, then asks again', async () => {
    server.use(ecbAnswers(), geckoAnswers())
    const first = later()
    await getExchangeRate('USD', 'GBP', first)
    await getExchangeRate('ETH', 'USD', first)
    expect(requests).toEqual(['www.ecb.europa.eu', 'api.coingecko.com'])
    expect((await findCachedRates('ecb'))?.fetchedAt).toEqual(first)

    requests.length = 0
    const within = new Date(first.getTime() + RATE_CACHE_MS - 1000)
    expect((await getExchangeRate('USD', 'GBP', within)).source).toBe('ecb')
    expect((await getExchangeRate('ETH', 'EUR', within)).source).toBe('coingecko')
    expect(requests).toEqual([])

    const after = new Date(first.getTime() + RATE_CACHE_MS)
    await getExchangeRate('USD', 'GBP', after)
    expect(requests).toEqual(['www.ecb.europa.eu'])
  })

  it('falls back to the shipped snapshot when a provider fails and nothing is cached', async () => {
    server.use(
      http.get(ECB_DAILY_URL, () => new HttpResponse('Service Unavailable', { status: 503 })),
      http.get(COINGECKO_URL, () => HttpResponse.error()),
    )
    const now = later()
    expect(await getExchangeRate('USD', 'EUR', now)).toMatchObject({
      source: 'snapshot',
      asOf: RATE_SNAPSHOT.asOf,
      rate: '0.862068965517241379',
    })
    expect(await getExchangeRate('SOL', 'USD', now)).toMatchObject({
      source: 'snapshot',
      rate: RATE_SNAPSHOT.cryptoUsd.SOL,
    })
    // Within a minute of a failure the provider is left alone: no page waits for it again.
    requests.length = 0
    await getExchangeRate('USD', 'EUR', new Date(now.getTime() + 30_000))
    expect(requests).toEqual([])
  })

  it('prefers the last fetched rates, however old, to the snapshot when a provider fails', async () => {
    server.use(ecbAnswers())
    const first = later()
    await getExchangeRate('USD', 'EUR', first)
    server.use(http.get(ECB_DAILY_URL, () => HttpResponse.error()))
    const rate = await getExchangeRate('USD', 'EUR', later(60 * 60_000))
    expect(rate).toMatchObject({ source: 'ecb', rate: '0.952380952380952381' })
  })

  it('prices currencies the ECB does not list from the snapshot, labelled so', async () => {
    server.use(ecbAnswers())
    const now = later()
    // AED is pegged to USD, so it follows the ECB's live USD rate (1.05 here).
    expect(await getExchangeRate('EUR', 'AED', now)).toMatchObject({ source: 'snapshot', rate: '3.856125' })
    expect(await getExchangeRate('USD', 'AED', now)).toMatchObject({ source: 'snapshot', rate: '3.6725' })
  })
})

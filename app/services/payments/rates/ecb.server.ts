import { XMLParser } from 'fast-xml-parser'
import { findCurrency } from '../../../domain/currencies'
import type { ProviderRate } from '~/domain/exchange-rates'
import { fetchWithTimeout, RateProviderError, type RateProvider } from './provider'

export const ECB_DAILY_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml'

type Cube = { '@_time'?: string; '@_currency'?: string; '@_rate'?: string; Cube?: Cube | Cube[] }

const asList = (value: Cube | Cube[] | undefined): Cube[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

/**
 * The ECB publishes its reference rates around 16:00 Frankfurt time on each working day; that
 * moment (CET or CEST, whichever applies that day) is the rate's time.
 */
export function ecbPublicationTime(date: string): Date {
  const winter = new Date(`${date}T15:00:00Z`)
  const hour = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hour12: false, timeZone: 'Europe/Berlin' }).format(
    winter,
  )
  return Number(hour) === 16 ? winter : new Date(`${date}T14:00:00Z`)
}

/** Reads eurofxref-daily.xml: `<Cube time="…"><Cube currency="USD" rate="1.0834"/>…`, units per 1 EUR. */
export function parseEcbDailyXml(xml: string): ProviderRate[] {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
  }).parse(xml) as Record<string, { Cube?: Cube } | undefined>
  const envelope = parsed['gesmes:Envelope']
  const day = asList(envelope?.Cube?.Cube)[0]
  const date = day?.['@_time']
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RateProviderError('ecb', 'no reference date in the XML')
  const asOf = ecbPublicationTime(date)
  const rates = asList(day.Cube).flatMap((cube): ProviderRate[] => {
    const code = cube['@_currency']
    const rate = cube['@_rate']
    // Only currencies we know, with a plain positive decimal rate.
    if (
      !code ||
      !rate ||
      findCurrency(code)?.kind !== 'fiat' ||
      !/^\d+(\.\d+)?$/.test(rate) ||
      /^0+(\.0+)?$/.test(rate)
    )
      return []
    return [{ base: 'EUR', quote: code, rate, asOf }]
  })
  if (rates.length === 0) throw new RateProviderError('ecb', 'no rates in the XML')
  return rates
}

export class EcbRateProvider implements RateProvider {
  readonly source = 'ecb' as const
  constructor(private readonly options: { url?: string; timeoutMs?: number } = {}) {}

  async fetchRates(): Promise<ProviderRate[]> {
    const response = await fetchWithTimeout('ecb', this.options.url ?? ECB_DAILY_URL, this.options.timeoutMs ?? 5000, {
      headers: { accept: 'application/xml, text/xml' },
    })
    return parseEcbDailyXml(await response.text())
  }
}

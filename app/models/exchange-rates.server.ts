import { eq } from 'drizzle-orm'
import type { LiveRateSource, ProviderRate } from '~/domain/exchange-rates'
import { getDb } from './db.server'
import { exchangeRates } from './schema'

export type CachedRates = { rates: ProviderRate[]; fetchedAt: Date }

/** The rates last fetched from a provider (any age), or null when it was never fetched. */
export async function findCachedRates(source: LiveRateSource): Promise<CachedRates | null> {
  const rows = getDb().select().from(exchangeRates).where(eq(exchangeRates.source, source)).all()
  if (rows.length === 0) return null
  const fetchedAt = new Date(Math.min(...rows.map((row) => row.fetchedAt.getTime())))
  return { rates: rows.map(({ base, quote, rate, asOf }) => ({ base, quote, rate, asOf })), fetchedAt }
}

/** Replaces a provider's cached rates with a fresh fetch, in one transaction. */
export async function replaceCachedRates(
  source: LiveRateSource,
  rates: ProviderRate[],
  fetchedAt: Date,
): Promise<void> {
  getDb().transaction((tx) => {
    tx.delete(exchangeRates).where(eq(exchangeRates.source, source)).run()
    if (rates.length)
      tx.insert(exchangeRates)
        .values(rates.map((rate) => ({ source, ...rate, fetchedAt })))
        .run()
  })
}

export async function clearCachedRates(): Promise<void> {
  getDb().delete(exchangeRates).run()
}

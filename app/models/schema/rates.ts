import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { at, createdAt } from './columns'
import { userRef } from './accounts'

/**
 * Exchange rates fetched from a live provider, kept so every page within five minutes reuses one
 * fetch. One row per provider and pair: "1 base = rate quote" (ECB: base EUR; CoinGecko: base a coin).
 * Rates are decimal strings, never floats.
 */
export const exchangeRates = sqliteTable(
  'exchange_rates',
  {
    source: text('source', { enum: ['ecb', 'coingecko'] }).notNull(),
    base: text('base').notNull(),
    quote: text('quote').notNull(),
    rate: text('rate').notNull(),
    /** When the provider says the rate was set (ECB: the reference date; CoinGecko: last update). */
    asOf: at('as_of').notNull(),
    fetchedAt: at('fetched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.base, t.quote] })],
)

/** Currencies a user starred in the currency selector; they are listed first. */
export const currencyFavourites = sqliteTable(
  'currency_favourites',
  {
    userId: userRef('user_id', 'cascade'),
    currency: text('currency').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.currency] })],
)

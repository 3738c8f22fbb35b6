import { asc, eq, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { listColumn } from './query-helpers.server'
import { deleteOwnedRow } from './owned-rows.server'
import { currencyFavourites } from './schema'

/** The user's starred currency codes, in the order they were starred. */
export async function listFavouriteCurrencies(userId: string): Promise<string[]> {
  return listColumn(
    currencyFavourites.currency,
    eq(currencyFavourites.userId, userId),
    asc(currencyFavourites.createdAt),
    asc(currencyFavourites.currency),
  )
}

export async function countFavouriteCurrencies(userId: string): Promise<number> {
  return (
    getDb().get<{ n: number }>(sql`select count(*) as n from currency_favourites where user_id = ${userId}`)?.n ?? 0
  )
}

/** Stars a currency; starring it again changes nothing. */
export async function addFavouriteCurrency(userId: string, currency: string, now: Date): Promise<void> {
  getDb().insert(currencyFavourites).values({ userId, currency, createdAt: now }).onConflictDoNothing().run()
}

export async function removeFavouriteCurrency(userId: string, currency: string): Promise<boolean> {
  return deleteOwnedRow(currencyFavourites, currencyFavourites.userId, userId, currencyFavourites.currency, currency)
}

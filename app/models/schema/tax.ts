import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { at, writtenTimes } from './columns'
import { userRef } from './accounts'

/**
 * Where a user is billed for tax: an ISO 3166 alpha-2 country and, for EU businesses, a VAT ID
 * that passed the offline check (format and check digits) when it was saved.
 */
export const billingDetails = sqliteTable('billing_details', {
  userId: userRef('user_id', 'cascade').primaryKey(),
  countryCode: text('country_code').notNull(),
  /** Normalised, with its country prefix (DE136695976); null when the user has none. */
  vatId: text('vat_id'),
  vatIdCheckedAt: at('vat_id_checked_at'),
  ...writtenTimes(),
})

import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './accounts'

/**
 * Where a user is billed for tax: an ISO 3166 alpha-2 country and, for EU businesses, a VAT ID
 * that passed the offline check (format and check digits) when it was saved.
 */
export const billingDetails = sqliteTable('billing_details', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  countryCode: text('country_code').notNull(),
  /** Normalised, with its country prefix (DE136695976); null when the user has none. */
  vatId: text('vat_id'),
  vatIdCheckedAt: integer('vat_id_checked_at', { mode: 'timestamp_ms' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

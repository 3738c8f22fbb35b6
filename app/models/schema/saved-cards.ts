import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { timestamps } from './columns'
import { userRef } from './accounts'

/**
 * A client's card on file, charged off-session for hourly invoices. Never a full card number: the
 * sandbox keeps the last four digits and how its test card answers a charge; Stripe keeps its own
 * customer and payment method ids.
 */
export const savedCards = sqliteTable('saved_cards', {
  userId: userRef('user_id', 'cascade').primaryKey(),
  provider: text('provider', { enum: ['sandbox', 'stripe'] }).notNull(),
  brand: text('brand').notNull(),
  last4: text('last4').notNull(),
  expMonth: integer('exp_month').notNull(),
  expYear: integer('exp_year').notNull(),
  /** Sandbox only: the decline a charge to this test card gets (null: charges succeed). */
  sandboxDecline: text('sandbox_decline'),
  stripeCustomerId: text('stripe_customer_id'),
  stripePaymentMethodId: text('stripe_payment_method_id'),
  ...timestamps,
})

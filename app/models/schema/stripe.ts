import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { at, textId } from './columns'

/**
 * Every Stripe webhook event that was handled, by Stripe's event id. Stripe delivers an event at
 * least once; a second delivery finds its id here and changes nothing. The row is written in the
 * same SQLite transaction as the money it moved, so a failed handling leaves no row and Stripe's
 * retry is processed again.
 */
export const stripeEvents = sqliteTable(
  'stripe_events',
  {
    id: textId(),
    type: text('type').notNull(),
    /** Our card payment the event was about, when it named one we know. */
    paymentId: text('payment_id'),
    /** What handling it did: funded, wallet, already_paid, failed, declined, ignored, rejected. */
    outcome: text('outcome').notNull(),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [index('stripe_events_payment_idx').on(t.paymentId)],
)

import { eq } from 'drizzle-orm'
import { getDb } from './db.server'
import { stripeEvents } from './schema'

export type StripeEventRecord = { id: string; type: string; paymentId: string | null; outcome: string; at: Date }

/* Both synchronous: they run in the same transaction as the money an event moves, so a rollback
   forgets the event and Stripe's retry is handled again. */

export function hasStripeEvent(id: string): boolean {
  return getDb().select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, id)).get() !== undefined
}

export function recordStripeEvent(event: StripeEventRecord): void {
  getDb()
    .insert(stripeEvents)
    .values({
      id: event.id,
      type: event.type,
      paymentId: event.paymentId,
      outcome: event.outcome,
      receivedAt: event.at,
    })
    .run()
}

export async function listStripeEventsForPayment(paymentId: string) {
  return getDb().select().from(stripeEvents).where(eq(stripeEvents.paymentId, paymentId)).all()
}

import { eq } from 'drizzle-orm'
import { getDb } from '~/models/db.server'
import { cardPayments } from '~/models/schema'

/** The card payments made (or tried) for one hourly invoice. */
export const cardPaymentsForInvoice = (invoiceId: string) =>
  getDb()
    .select()
    .from(cardPayments)
    .where(eq(cardPayments.purpose, `invoice:${invoiceId}`))
    .all()

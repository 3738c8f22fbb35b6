import { and, count, desc, eq, like, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { contactRequests, outbox } from './schema'
import { findRow, insertRow } from './query-helpers.server'

export type ContactRequest = typeof contactRequests.$inferSelect
export type ContactStatus = ContactRequest['status']

export async function insertContactRequest(
  input: Pick<ContactRequest, 'userId' | 'name' | 'email' | 'topic' | 'message'> &
    Partial<Pick<ContactRequest, 'aboutPath' | 'subjectId'>>,
): Promise<ContactRequest> {
  return insertRow(contactRequests, { id: crypto.randomUUID(), ...input, status: 'open', createdAt: new Date() })
}

/** This member's open report about this page, if they already sent one (a second is folded into it). */
export async function findOpenReportBy(userId: string, aboutPath: string): Promise<ContactRequest | undefined> {
  return findRow(
    contactRequests,
    and(
      eq(contactRequests.userId, userId),
      eq(contactRequests.aboutPath, aboutPath),
      eq(contactRequests.status, 'open'),
    ),
  )
}

/** Adds the member's new words under their earlier report; false when it was answered meanwhile. */
export async function appendToOpenContactRequest(id: string, addition: string): Promise<boolean> {
  return (
    getDb()
      .update(contactRequests)
      .set({ message: sql`${contactRequests.message} || ${addition}` })
      .where(and(eq(contactRequests.id, id), eq(contactRequests.status, 'open')))
      .run().changes === 1
  )
}

export async function linkContactRequestToAlert(id: string, fraudAlertId: string): Promise<void> {
  getDb().update(contactRequests).set({ fraudAlertId }).where(eq(contactRequests.id, id)).run()
}

/** Open requests oldest first (whoever waited longest is answered first); answered ones newest first. */
export async function listContactRequests(status: ContactStatus, { limit, offset }: { limit: number; offset: number }) {
  const db = getDb()
  const rows = db
    .select()
    .from(contactRequests)
    .where(eq(contactRequests.status, status))
    .orderBy(status === 'open' ? contactRequests.createdAt : desc(contactRequests.createdAt))
    .limit(limit)
    .offset(offset)
    .all()
  const total = db.select({ n: count() }).from(contactRequests).where(eq(contactRequests.status, status)).get()?.n ?? 0
  return { rows, total }
}

export async function countOpenContactRequests(): Promise<number> {
  return getDb().select({ n: count() }).from(contactRequests).where(eq(contactRequests.status, 'open')).get()?.n ?? 0
}

export async function findContactRequest(id: string): Promise<ContactRequest | undefined> {
  return findRow(contactRequests, eq(contactRequests.id, id))
}

/** Open → answered, once; false when it was already answered (or does not exist). */
export async function markContactRequestAnswered(id: string): Promise<boolean> {
  return (
    getDb()
      .update(contactRequests)
      .set({ status: 'answered' })
      .where(and(eq(contactRequests.id, id), eq(contactRequests.status, 'open')))
      .run().changes === 1
  )
}

/** The emails sent to `to` whose subject carries `marker` (how a reply is found again: the table has no reply column). */
export async function findSentEmails(to: string, marker: string) {
  return getDb()
    .select({
      id: outbox.id,
      subject: outbox.subject,
      text: outbox.text,
      status: outbox.status,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(and(eq(outbox.to, to), like(outbox.subject, `%${marker}%`)))
    .orderBy(desc(outbox.createdAt))
    .all()
}

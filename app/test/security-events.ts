import { eq } from 'drizzle-orm'
import { getDb } from '~/models/db.server'
import { securityEvents } from '~/models/schema'

/** The kinds of the security events logged for a user, oldest first. */
export function securityEventKindsOf(userId: string): string[] {
  return getDb()
    .select()
    .from(securityEvents)
    .where(eq(securityEvents.userId, userId))
    .all()
    .map((event) => event.kind)
}

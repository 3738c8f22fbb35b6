import { eq } from 'drizzle-orm'
import { getDb } from '~/models/db.server'
import { securityEvents } from '~/models/schema'
import { listSecurityEvents, type SecurityEventFilter } from '~/models/security-events.server'

/** The kinds of the security events logged for a user, oldest first. */
export function securityEventKindsOf(userId: string): string[] {
  return getDb()
    .select()
    .from(securityEvents)
    .where(eq(securityEvents.userId, userId))
    .all()
    .map((event) => event.kind)
}

/** The newest ten events of one kind logged for a user (newest first), and their details in sorted order. */
export async function securityEventsOfKind(userId: string, kind: NonNullable<SecurityEventFilter['kind']>) {
  const { rows } = await listSecurityEvents({ userId, kind, page: 1, pageSize: 10 })
  return { events: rows.map((row) => row.event), sortedDetails: rows.map((row) => row.event.detail).sort() }
}

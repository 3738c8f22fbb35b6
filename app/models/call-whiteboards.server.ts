import { eq } from 'drizzle-orm'
import { getDb } from './db.server'
import { callWhiteboards } from './schema'

/** The call's saved strokes as stored (the service parses them), or undefined before any save. */
export async function findCallWhiteboardStrokes(callId: string): Promise<unknown[] | undefined> {
  return getDb()
    .select({ strokes: callWhiteboards.strokes })
    .from(callWhiteboards)
    .where(eq(callWhiteboards.callId, callId))
    .get()?.strokes
}

/** Replaces the call's board with these strokes. */
export async function upsertCallWhiteboard(input: { callId: string; strokes: unknown[]; now: Date }): Promise<void> {
  getDb()
    .insert(callWhiteboards)
    .values({ callId: input.callId, strokes: input.strokes, updatedAt: input.now })
    .onConflictDoUpdate({ target: callWhiteboards.callId, set: { strokes: input.strokes, updatedAt: input.now } })
    .run()
}

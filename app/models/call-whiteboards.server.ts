import { eq, sql } from 'drizzle-orm'
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

/**
 * Replaces the call's board with these strokes, unless the saved board is newer (a later `time`).
 * A saved time beyond `latestTime` (stored before times were bounded) never counts as newer.
 */
export async function upsertCallWhiteboard(input: {
  callId: string
  strokes: unknown[]
  time: number
  latestTime: number
  now: Date
}): Promise<void> {
  getDb()
    .insert(callWhiteboards)
    .values({ callId: input.callId, strokes: input.strokes, time: input.time, updatedAt: input.now })
    .onConflictDoUpdate({
      target: callWhiteboards.callId,
      set: { strokes: input.strokes, time: input.time, updatedAt: input.now },
      setWhere: sql`${callWhiteboards.time} <= ${input.time} or ${callWhiteboards.time} > ${input.latestTime}`,
    })
    .run()
}

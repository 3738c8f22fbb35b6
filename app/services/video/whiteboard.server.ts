import { findCallWhiteboardStrokes, upsertCallWhiteboard } from '~/models/call-whiteboards.server'
import { readSavedStrokes, SavedBoardSchema } from '~/domain/whiteboard-stroke-schema'
import { boardTextProblem, latestAcceptedTime, type Stroke } from '~/domain/whiteboard-strokes'
import type { Refusal } from '~/services/domain-errors'

/*
 * The call's whiteboard as saved: the browsers in the call send the strokes they show, and the
 * call's page draws them afterwards. Who may do either is checked by the caller (the call's access).
 */

export async function readCallWhiteboard(callId: string, now = new Date()): Promise<Stroke[]> {
  return readSavedStrokes(await findCallWhiteboardStrokes(callId), latestAcceptedTime(now.getTime()))
}

function refuse(message: string): Refusal<'invalid'> {
  return { ok: false, reason: 'invalid', message }
}

/**
 * Saves the board the room sent (the JSON text of its strokes and the board's logical time), or
 * says why it cannot. A board older than the saved one is ignored: every browser saves, and one
 * that has not yet received the latest strokes must not wipe them.
 */
export async function saveCallWhiteboard(
  callId: string,
  strokesJson: string,
  time: number,
  now = new Date(),
): Promise<{ ok: true } | Refusal<'invalid'>> {
  // Measured before it is parsed: a huge board is refused without the work.
  const tooLarge = boardTextProblem(strokesJson)
  if (tooLarge) return refuse(tooLarge)
  let raw: unknown
  try {
    raw = JSON.parse(strokesJson)
  } catch {
    return refuse('The whiteboard could not be saved: what was sent is not a list of strokes.')
  }
  const board = SavedBoardSchema.safeParse(raw)
  if (!board.success) {
    return refuse(`The whiteboard could not be saved: ${board.error.issues[0]?.message ?? 'the strokes are not valid'}`)
  }
  if (!Number.isSafeInteger(time) || time < 0)
    return refuse('The whiteboard could not be saved: its time is not valid.')
  // A time far ahead would make every later save count as older: the board could never change again.
  const latest = latestAcceptedTime(now.getTime())
  if (time > latest || board.data.some((stroke) => stroke.t > latest))
    return refuse(
      "The whiteboard could not be saved: its time is more than a day ahead of the server's clock. Check the date and time on each device in the call.",
    )
  await upsertCallWhiteboard({ callId, strokes: board.data, time, latestTime: latest, now })
  return { ok: true }
}

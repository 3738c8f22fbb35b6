import * as z from 'zod'
import { MAX_POINTS_PER_STROKE, MAX_STROKES, WHITEBOARD_TOOLS, type Stroke } from './whiteboard-strokes'

/*
 * A whiteboard stroke as the browsers exchange it and the server saves it, checked. Apart from
 * whiteboard-strokes.ts (the board's constants), so pages that only draw a saved board never load zod.
 */

const coordinate = z.number().min(0).max(1)

export const StrokeSchema = z.object({
  id: z.string().min(1).max(64),
  /** The author's peer id in the call. */
  author: z.string().min(1).max(128),
  tool: z.enum(WHITEBOARD_TOOLS),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  width: z.number().positive().max(64),
  /** Pen and eraser: the path; line, rectangle, ellipse: the two corners. */
  points: z
    .array(z.tuple([coordinate, coordinate]))
    .min(1)
    .max(MAX_POINTS_PER_STROKE),
  /** When it was drawn (ms, a logical clock): the board's order is (t, id). */
  t: z.number().int().nonnegative(),
}) satisfies z.ZodType<Stroke>

export const SavedBoardSchema = z.array(StrokeSchema).max(MAX_STROKES, {
  message: `A board holds at most ${MAX_STROKES} strokes. Clear the board or undo some strokes.`,
})

/**
 * A saved board as stored: strokes that no longer parse are left out rather than failing the page,
 * and a time later than `latestTime` (saved before times were bounded) is brought back to it, so the
 * board still draws in its order and a call that opens it keeps a clock that can move on.
 */
export function readSavedStrokes(saved: unknown, latestTime: number): Stroke[] {
  if (!Array.isArray(saved)) return []
  return saved.flatMap((item) => {
    const stroke = StrokeSchema.safeParse(item)
    if (!stroke.success) return []
    return [stroke.data.t > latestTime ? { ...stroke.data, t: latestTime } : stroke.data]
  })
}

/*
 * A call's whiteboard as a list of strokes: what the browsers exchange, what the server saves and
 * what the call's page draws afterwards. Coordinates are fractions (0..1) of a board with a fixed
 * 16:9 shape, so every window size draws the same picture.
 */

export const WHITEBOARD_TOOLS = ['pen', 'eraser', 'line', 'rectangle', 'ellipse'] as const
export type WhiteboardTool = (typeof WHITEBOARD_TOOLS)[number]

/** A point on the board: x and y as fractions (0..1) of its width and height. */
export type Point = [number, number]

/** One stroke (checked by StrokeSchema in whiteboard-stroke-schema.ts). */
export type Stroke = {
  id: string
  /** The author's peer id in the call. */
  author: string
  tool: WhiteboardTool
  color: string
  width: number
  /** Pen and eraser: the path; line, rectangle, ellipse: the two corners. */
  points: Point[]
  /** When it was drawn (ms, a logical clock): the board's order is (t, id). */
  t: number
}

/** The board is always white (in dark mode too): the eraser paints this colour over what is below. */
export const BOARD_BACKGROUND = '#ffffff'
/** Width ÷ height of the board. */
export const BOARD_ASPECT = 16 / 9
/** Stroke widths are in units of a board this many units wide, scaled to the drawn size. */
export const BOARD_UNITS_WIDE = 1000

export const STROKE_WIDTHS = [2, 4, 8, 16, 32] as const

/** Caps that keep one call's board a few hundred kilobytes at most. */
export const MAX_STROKES = 2000
export const MAX_POINTS_PER_STROKE = 2000
export const MAX_BOARD_BYTES = 512_000

/**
 * How far ahead of the reader's clock a board's times (its logical clock, in ms near wall time) may
 * run. A device whose clock is off by a time zone still draws and saves; a time beyond this (a broken
 * or forged clock) is refused, since every later save would count as older and the board would stay
 * as it is for good.
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000

/** The latest board time a reader whose clock reads `now` (ms) accepts. */
export function latestAcceptedTime(now: number): number {
  return now + MAX_CLOCK_AHEAD_MS
}

/** Why a board cannot be saved, in words for the person drawing, or null when it can. */
export function boardSizeProblem(strokes: readonly Stroke[]): string | null {
  return boardTextProblem(JSON.stringify(strokes))
}

/** The same, for the board's JSON text as sent (measured before it is parsed). */
export function boardTextProblem(json: string): string | null {
  const bytes = json.length
  if (bytes <= MAX_BOARD_BYTES) return null
  const kb = (n: number) => `${Math.ceil(n / 1000)} KB`
  return `The whiteboard is too large to save (${kb(bytes)}; the limit is ${kb(MAX_BOARD_BYTES)}). Clear the board or undo some strokes.`
}

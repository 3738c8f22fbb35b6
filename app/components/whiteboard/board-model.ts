import * as z from 'zod'
import { StrokeSchema } from '~/domain/whiteboard-stroke-schema'
import type { Stroke } from '~/domain/whiteboard-strokes'

/*
 * The whiteboard as operations every browser applies: add a stroke, undo or redo one, clear the
 * board. The state is built so that the same set of operations gives the same board in whatever
 * order they arrive (each part merges commutatively and ignores repeats):
 *   - strokes are drawn in (t, id) order, t being a logical clock (see `tick`);
 *   - a stroke's undo/redo is the latest of its undo/redo operations by (t, id);
 *   - a clear hides every stroke ordered before it; the latest clear counts.
 * A snapshot is the state itself, so merging it into a late joiner's board is just another merge.
 */

type Stamp = { t: number; id: string }

const StampSchema = z.object({ t: z.number().int().nonnegative(), id: z.string().min(1).max(64) })

export const BoardOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add'), stroke: StrokeSchema }),
  StampSchema.extend({ kind: z.enum(['undo', 'redo']), strokeId: z.string().min(1).max(64) }),
  StampSchema.extend({ kind: z.literal('clear') }),
])
export type BoardOp = z.infer<typeof BoardOpSchema>

const ToggleSchema = StampSchema.extend({ undone: z.boolean() })
type Toggle = z.infer<typeof ToggleSchema>

export const BoardSnapshotSchema = z.object({
  strokes: z.array(StrokeSchema),
  toggles: z.array(z.tuple([z.string(), ToggleSchema])),
  cleared: StampSchema.nullable(),
})
export type BoardSnapshot = z.infer<typeof BoardSnapshotSchema>

export type BoardState = {
  /** Strokes not under the latest clear, by id (any order; `visibleStrokes` sorts). */
  readonly strokes: ReadonlyMap<string, Stroke>
  /** Per stroke id, its latest undo or redo. */
  readonly toggles: ReadonlyMap<string, Toggle>
  readonly cleared: Stamp | null
}

export const emptyBoard: BoardState = { strokes: new Map(), toggles: new Map(), cleared: null }

/** (t, id) order: negative when a comes first. */
function compareStamps(a: Stamp, b: Stamp): number {
  return a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function stampOf(stroke: Stroke): Stamp {
  return { t: stroke.t, id: stroke.id }
}

function underClear(stroke: Stroke, cleared: Stamp | null): boolean {
  return cleared !== null && compareStamps(stampOf(stroke), cleared) < 0
}

export function applyOp(state: BoardState, op: BoardOp): BoardState {
  switch (op.kind) {
    case 'add': {
      if (state.strokes.has(op.stroke.id) || underClear(op.stroke, state.cleared)) return state
      return { ...state, strokes: new Map(state.strokes).set(op.stroke.id, op.stroke) }
    }
    case 'undo':
    case 'redo': {
      const toggle: Toggle = { t: op.t, id: op.id, undone: op.kind === 'undo' }
      const current = state.toggles.get(op.strokeId)
      if (current && compareStamps(current, toggle) >= 0) return state
      return { ...state, toggles: new Map(state.toggles).set(op.strokeId, toggle) }
    }
    case 'clear': {
      const clear = { t: op.t, id: op.id }
      if (state.cleared && compareStamps(state.cleared, clear) >= 0) return state
      const strokes = new Map([...state.strokes].filter(([, stroke]) => !underClear(stroke, clear)))
      return { ...state, strokes, cleared: clear }
    }
  }
}

/** What is drawn, bottom first. */
export function visibleStrokes(state: BoardState): Stroke[] {
  return [...state.strokes.values()]
    .filter((stroke) => !state.toggles.get(stroke.id)?.undone)
    .sort((a, b) => compareStamps(stampOf(a), stampOf(b)))
}

export function toSnapshot(state: BoardState): BoardSnapshot {
  return {
    strokes: [...state.strokes.values()].sort((a, b) => compareStamps(stampOf(a), stampOf(b))),
    toggles: [...state.toggles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    cleared: state.cleared,
  }
}

export function mergeSnapshot(state: BoardState, snapshot: BoardSnapshot): BoardState {
  let next = state
  if (snapshot.cleared) next = applyOp(next, { kind: 'clear', ...snapshot.cleared })
  for (const [strokeId, toggle] of snapshot.toggles) {
    next = applyOp(next, { kind: toggle.undone ? 'undo' : 'redo', t: toggle.t, id: toggle.id, strokeId })
  }
  for (const stroke of snapshot.strokes) next = applyOp(next, { kind: 'add', stroke })
  return next
}

/** The board a call starts from: its saved strokes. */
export function boardFromStrokes(strokes: readonly Stroke[]): BoardState {
  return strokes.reduce((state, stroke) => applyOp(state, { kind: 'add', stroke }), emptyBoard)
}

/**
 * The logical clock: later than anything this browser has done or seen, and near wall time, so
 * a stroke drawn after a clear arrives is ordered after it even when the clocks disagree.
 */
export function tick(lastSeen: number, now: number): number {
  return Math.max(lastSeen + 1, Math.floor(now))
}

/** The latest time an operation or snapshot carries, for `tick`. */
export function latestTime(state: BoardState): number {
  let latest = state.cleared?.t ?? 0
  for (const stroke of state.strokes.values()) latest = Math.max(latest, stroke.t)
  for (const toggle of state.toggles.values()) latest = Math.max(latest, toggle.t)
  return latest
}

/** The stroke undo takes back: the latest one still shown by these authors (one browser's peer ids). */
export function lastOwnStroke(state: BoardState, authors: ReadonlySet<string>): Stroke | undefined {
  return visibleStrokes(state)
    .filter((stroke) => authors.has(stroke.author))
    .at(-1)
}

/** Whether redo can bring this stroke back: it is still on the board and currently undone. */
export function canRedo(state: BoardState, strokeId: string): boolean {
  return state.strokes.has(strokeId) && state.toggles.get(strokeId)?.undone === true
}

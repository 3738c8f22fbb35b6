import * as z from 'zod'
import type { CallBus } from '~/components/call/call-bus'
import { latestAcceptedTime, type Stroke } from '~/domain/whiteboard-strokes'
import {
  applyOp,
  BoardOpSchema,
  BoardSnapshotSchema,
  canRedo,
  lastOwnStroke,
  latestTime,
  mergeSnapshot,
  tick,
  toSnapshot,
  type BoardOp,
  type BoardState,
  visibleStrokes,
} from './board-model'

export const WHITEBOARD_CHANNEL = 'whiteboard'

const MessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('op'), op: BoardOpSchema }),
  z.object({ type: z.literal('snapshot'), snapshot: BoardSnapshotSchema }),
])

/** A stroke as the pointer drew it, before the board gives it an id, an author and a time. */
export type DrawnStroke = Omit<Stroke, 'id' | 'author' | 't'>

/** What the whiteboard shows: the strokes, bottom first, and whether undo and redo can act. */
/** `time` is the latest operation the board holds: a save carries it so an older board never replaces a newer one. */
export type BoardView = { strokes: Stroke[]; time: number; canUndo: boolean; canRedo: boolean }

/**
 * One browser's whiteboard in a call: applies its own operations and broadcasts them, applies the
 * others', and hands each newcomer the current board. It knows nothing of canvases; React reads
 * it as an external store (`listen`, `view`).
 */
export class BoardSync {
  private state: BoardState
  private clock: number
  /** Strokes this browser undid, latest last, for redo; a new stroke empties it. */
  private redoStack: string[] = []
  /**
   * The peer ids this browser has drawn as: a reconnect brings a new one, and undo still takes
   * back strokes drawn before it. Before the call has given one, a stand-in is used.
   */
  private readonly ownAuthors = new Set<string>()
  private readonly standInAuthor = `local-${crypto.randomUUID()}`
  private readonly listeners = new Set<() => void>()
  private cachedView: BoardView | null = null

  constructor(
    private readonly bus: CallBus,
    initial: BoardState,
    private readonly now: () => number = Date.now,
  ) {
    this.state = initial
    this.clock = latestTime(initial)
  }

  /** Starts exchanging the board with the call; returns the function that stops it. */
  connect(): () => void {
    const stops = [
      this.bus.subscribe(WHITEBOARD_CHANNEL, (payload) => this.receive(payload)),
      this.bus.onPeerJoined((peerId) =>
        this.bus.sendTo(peerId, WHITEBOARD_CHANNEL, { type: 'snapshot', snapshot: toSnapshot(this.state) }),
      ),
    ]
    return () => stops.forEach((stop) => stop())
  }

  get board(): BoardState {
    return this.state
  }

  readonly listen = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The same object until the board changes (as useSyncExternalStore needs). */
  readonly view = (): BoardView => {
    this.cachedView ??= {
      strokes: visibleStrokes(this.state),
      time: latestTime(this.state),
      canUndo: lastOwnStroke(this.state, this.ownAuthors) !== undefined,
      canRedo: this.redoStack.some((id) => canRedo(this.state, id)),
    }
    return this.cachedView
  }

  draw(drawn: DrawnStroke): void {
    this.redoStack = []
    const author = this.bus.selfPeerId || this.standInAuthor
    this.ownAuthors.add(author)
    const stroke: Stroke = { ...drawn, id: crypto.randomUUID(), author, t: this.nextTime() }
    this.perform({ kind: 'add', stroke })
  }

  undo(): void {
    const stroke = lastOwnStroke(this.state, this.ownAuthors)
    if (!stroke) return
    this.redoStack.push(stroke.id)
    this.perform({ kind: 'undo', strokeId: stroke.id, t: this.nextTime(), id: crypto.randomUUID() })
  }

  redo(): void {
    this.redoStack = this.redoStack.filter((id) => canRedo(this.state, id))
    const strokeId = this.redoStack.pop()
    if (strokeId) this.perform({ kind: 'redo', strokeId, t: this.nextTime(), id: crypto.randomUUID() })
  }

  clear(): void {
    this.redoStack = []
    this.perform({ kind: 'clear', t: this.nextTime(), id: crypto.randomUUID() })
  }

  private nextTime(): number {
    this.clock = tick(this.clock, this.now())
    return this.clock
  }

  private perform(op: BoardOp): void {
    this.update(applyOp(this.state, op))
    this.bus.broadcast(WHITEBOARD_CHANNEL, { type: 'op', op })
  }

  /**
   * A peer's message; anything malformed is ignored rather than breaking the board, and so is a time
   * far ahead of this browser's clock (it would carry the clock past what the server saves).
   */
  private receive(payload: unknown): void {
    const message = MessageSchema.safeParse(payload)
    if (!message.success) return
    const next =
      message.data.type === 'op'
        ? applyOp(this.state, message.data.op)
        : mergeSnapshot(this.state, message.data.snapshot)
    const time = latestTime(next)
    if (time > latestAcceptedTime(this.now())) return
    this.clock = Math.max(this.clock, time)
    this.update(next)
  }

  private update(next: BoardState): void {
    if (next === this.state) return
    this.state = next
    this.cachedView = null
    for (const listener of this.listeners) listener()
  }
}

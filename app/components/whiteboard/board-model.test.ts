import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Stroke } from '~/domain/whiteboard-strokes'
import {
  applyOp,
  boardFromStrokes,
  emptyBoard,
  lastOwnStroke,
  mergeSnapshot,
  tick,
  toSnapshot,
  visibleStrokes,
  type BoardOp,
} from './board-model'

function stroke(id: string, t: number, author = 'peer-a'): Stroke {
  return { id, author, tool: 'pen', color: '#112233', width: 4, points: [[0.1, 0.2]], t }
}

const applyAll = (ops: BoardOp[]) => ops.reduce(applyOp, emptyBoard)
const ids = (ops: BoardOp[]) => visibleStrokes(applyAll(ops)).map((s) => s.id)

describe('board operations', () => {
  it('draws strokes in (time, id) order whatever order they arrive in', () => {
    const ops: BoardOp[] = [
      { kind: 'add', stroke: stroke('b', 5) },
      { kind: 'add', stroke: stroke('c', 2) },
      { kind: 'add', stroke: stroke('a', 5) },
    ]
    expect(ids(ops)).toEqual(['c', 'a', 'b'])
  })

  it('undo hides a stroke and redo brings it back; the latest of the two wins', () => {
    const add: BoardOp = { kind: 'add', stroke: stroke('s', 1) }
    const undo: BoardOp = { kind: 'undo', strokeId: 's', t: 2, id: 'u' }
    const redo: BoardOp = { kind: 'redo', strokeId: 's', t: 3, id: 'r' }
    expect(ids([add, undo])).toEqual([])
    expect(ids([add, undo, redo])).toEqual(['s'])
    expect(ids([redo, add, undo])).toEqual(['s'])
  })

  it('an undo that arrives before its stroke still hides it', () => {
    expect(
      ids([
        { kind: 'undo', strokeId: 's', t: 2, id: 'u' },
        { kind: 'add', stroke: stroke('s', 1) },
      ]),
    ).toEqual([])
  })

  it('clear removes what was drawn before it, not what was drawn after', () => {
    const ops: BoardOp[] = [
      { kind: 'add', stroke: stroke('before', 1) },
      { kind: 'add', stroke: stroke('after', 3) },
      { kind: 'clear', t: 2, id: 'c' },
    ]
    expect(ids(ops)).toEqual(['after'])
    expect(applyAll(ops).strokes.has('before')).toBe(false)
  })

  it("undo takes back the author's own latest stroke, never someone else's", () => {
    const board = boardFromStrokes([stroke('mine', 1, 'me'), stroke('theirs', 2, 'them')])
    expect(lastOwnStroke(board, new Set(['me']))?.id).toBe('mine')
    expect(lastOwnStroke(board, new Set(['nobody']))).toBeUndefined()
  })

  it('a snapshot merged into an empty board gives the same board', () => {
    const board = applyAll([
      { kind: 'add', stroke: stroke('x', 1) },
      { kind: 'add', stroke: stroke('y', 4) },
      { kind: 'undo', strokeId: 'y', t: 5, id: 'u' },
      { kind: 'clear', t: 2, id: 'c' },
    ])
    const copy = mergeSnapshot(emptyBoard, JSON.parse(JSON.stringify(toSnapshot(board))))
    expect(toSnapshot(copy)).toEqual(toSnapshot(board))
  })

  it('the clock moves past what it has seen even when the wall clock is behind', () => {
    expect(tick(100, 50)).toBe(101)
    expect(tick(100, 500)).toBe(500)
  })
})

/** One add per stroke id, as real ids are unique. */
function uniqueAdds(list: BoardOp[]): BoardOp[] {
  return list.filter(
    (op, i) => op.kind !== 'add' || list.findIndex((o) => o.kind === 'add' && o.stroke.id === op.stroke.id) === i,
  )
}

const strokeIds = ['s1', 's2', 's3', 's4', 's5']
const opArbitrary: fc.Arbitrary<BoardOp> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    stroke: fc.record({
      id: fc.constantFrom(...strokeIds),
      author: fc.constantFrom('peer-a', 'peer-b'),
      tool: fc.constantFrom(
        'pen' as const,
        'eraser' as const,
        'line' as const,
        'rectangle' as const,
        'ellipse' as const,
      ),
      color: fc.constantFrom('#000000', '#ff0000'),
      width: fc.constantFrom(2, 8),
      points: fc.constant([[0.5, 0.5]] as Stroke['points']),
      t: fc.nat(20),
    }),
  }),
  fc.record({
    kind: fc.constantFrom('undo' as const, 'redo' as const),
    strokeId: fc.constantFrom(...strokeIds),
    t: fc.nat(20),
    id: fc.uuid(),
  }),
  fc.record({ kind: fc.constant('clear' as const), t: fc.nat(20), id: fc.uuid() }),
)

describe('convergence', () => {
  it('the same operations in any arrival order, some delivered twice, give the same board', () => {
    const ops = fc.array(opArbitrary, { maxLength: 30 }).map(uniqueAdds)
    const orders = ops.chain((list) =>
      fc.tuple(
        fc.constant(list),
        fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
        fc.subarray(list),
      ),
    )
    fc.assert(
      fc.property(orders, ([inOrder, shuffled, repeated]) => {
        const a = applyAll(inOrder)
        const b = applyAll([...shuffled, ...repeated])
        expect(visibleStrokes(b)).toEqual(visibleStrokes(a))
        expect(toSnapshot(b)).toEqual(toSnapshot(a))
      }),
    )
  })

  it('a late joiner that merges a snapshot while operations still arrive reaches the same board', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { maxLength: 30 }), fc.nat(30), (list, cut) => {
        const ops = uniqueAdds(list)
        const everyone = applyAll(ops)
        // The snapshot holds the first part; the rest arrives (again, in part) as operations.
        const snapshot = toSnapshot(applyAll(ops.slice(0, cut)))
        const joiner = ops.slice(Math.max(0, cut - 3)).reduce(applyOp, mergeSnapshot(emptyBoard, snapshot))
        expect(toSnapshot(joiner)).toEqual(toSnapshot(everyone))
      }),
    )
  })
})

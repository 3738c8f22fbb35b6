import { describe, expect, it } from 'vitest'
import { MemoryCall } from '~/test/memory-call-bus'
import { boardFromStrokes, emptyBoard, toSnapshot, visibleStrokes } from './board-model'
import { BoardSync, WHITEBOARD_CHANNEL, type DrawnStroke } from './board-sync'

const pen: DrawnStroke = {
  tool: 'pen',
  color: '#d62828',
  width: 4,
  points: [
    [0.2, 0.2],
    [0.4, 0.5],
  ],
}

function browser(call: MemoryCall, peerId: string, initial = emptyBoard) {
  const sync = new BoardSync(call.join(peerId), initial)
  sync.connect()
  return sync
}

/** Alice and Bob on one call, connected and past the first delivery; Alice may start from a saved board. */
function aliceAndBob(aliceStart = emptyBoard) {
  const call = new MemoryCall()
  const alice = browser(call, 'alice', aliceStart)
  const bob = browser(call, 'bob')
  call.deliver()
  return { call, alice, bob }
}

describe('whiteboard sync over a call bus', () => {
  it("a stroke drawn in one browser reaches the other, and its author's undo and redo too", () => {
    const { call, alice, bob } = aliceAndBob()
    alice.draw(pen)
    call.deliver()
    expect(visibleStrokes(bob.board)).toHaveLength(1)
    expect(visibleStrokes(bob.board)[0]).toMatchObject({ ...pen, author: 'alice' })

    expect(bob.view().canUndo).toBe(false)
    bob.undo()
    alice.undo()
    call.deliver()
    expect(visibleStrokes(bob.board)).toEqual([])
    expect(alice.view()).toMatchObject({ strokes: [], canUndo: false, canRedo: true })
    alice.redo()
    call.deliver()
    expect(visibleStrokes(bob.board)).toHaveLength(1)
  })

  it('a late joiner receives the current board, undone and cleared strokes included', () => {
    const { call, alice, bob } = aliceAndBob()
    alice.draw(pen)
    alice.clear()
    call.deliver()
    bob.draw({ ...pen, tool: 'rectangle' })
    alice.draw({ ...pen, tool: 'ellipse' })
    alice.undo()
    call.deliver()

    const carol = browser(call, 'carol')
    call.deliver()
    expect(toSnapshot(carol.board)).toEqual(toSnapshot(alice.board))
    expect(visibleStrokes(carol.board).map((s) => s.tool)).toEqual(['rectangle'])
  })

  it('concurrent strokes delivered in different orders leave every browser with the same board', () => {
    const call = new MemoryCall()
    const peers = ['p1', 'p2', 'p3'].map((id) => browser(call, id))
    call.deliver()
    peers.forEach((peer, i) => peer.draw({ ...pen, width: i + 1 }))
    peers[0]!.clear()
    peers[1]!.draw(pen)
    peers[2]!.undo()
    call.deliver((waiting) => waiting - 1)
    const boards = peers.map((peer) => toSnapshot(peer.board))
    expect(boards[1]).toEqual(boards[0])
    expect(boards[2]).toEqual(boards[0])
  })

  it('a browser starting from the saved board shares it with a peer that started empty', () => {
    const saved = {
      id: 'old',
      author: 'gone',
      tool: 'line' as const,
      color: '#000000',
      width: 2,
      points: [
        [0, 0],
        [1, 1],
      ] as DrawnStroke['points'],
      t: 1,
    }
    const { alice, bob } = aliceAndBob(boardFromStrokes([saved]))
    expect(visibleStrokes(bob.board).map((s) => s.id)).toEqual(['old'])
    expect(visibleStrokes(alice.board).map((s) => s.id)).toEqual(['old'])
  })

  it('undo still takes back strokes drawn under an earlier peer id after a reconnect', () => {
    const call = new MemoryCall()
    const bus = call.join('first-id')
    let selfPeerId = 'first-id'
    const sync = new BoardSync(
      {
        ...bus,
        get selfPeerId() {
          return selfPeerId
        },
      },
      emptyBoard,
    )
    sync.connect()
    sync.draw(pen)
    selfPeerId = 'second-id'
    expect(sync.view().canUndo).toBe(true)
    sync.undo()
    expect(sync.view().strokes).toEqual([])
  })

  it('ignores malformed messages', () => {
    const call = new MemoryCall()
    const alice = browser(call, 'alice')
    const mallory = call.join('mallory')
    call.deliver()
    mallory.broadcast(WHITEBOARD_CHANNEL, { type: 'op', op: { kind: 'add', stroke: { id: 'x' } } })
    mallory.broadcast(WHITEBOARD_CHANNEL, 'nonsense')
    call.deliver()
    expect(alice.board.strokes.size).toBe(0)
  })
  it("ignores a time far ahead of this browser's clock, which would stop its saves, and keeps drawing", () => {
    const call = new MemoryCall()
    const alice = browser(call, 'alice')
    const mallory = call.join('mallory')
    call.deliver()
    const stroke = { ...pen, id: 'x', author: 'mallory', t: Number.MAX_SAFE_INTEGER }
    mallory.broadcast(WHITEBOARD_CHANNEL, { type: 'op', op: { kind: 'add', stroke } })
    mallory.broadcast(WHITEBOARD_CHANNEL, {
      type: 'op',
      op: { kind: 'clear', t: Date.now() + 2 * 86_400_000, id: 'c' },
    })
    call.deliver()
    expect(alice.board.strokes.size).toBe(0)
    expect(alice.board.cleared).toBeNull()
    alice.draw(pen)
    expect(alice.view().time).toBeLessThanOrEqual(Date.now() + 1)
  })
})

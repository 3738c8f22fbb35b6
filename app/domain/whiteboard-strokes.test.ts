import { describe, expect, it } from 'vitest'
import { readSavedStrokes, SavedBoardSchema } from './whiteboard-stroke-schema'
import { boardSizeProblem, MAX_BOARD_BYTES, type Stroke } from './whiteboard-strokes'

const stroke: Stroke = { id: 's', author: 'p', tool: 'pen', color: '#000000', width: 4, points: [[0, 1]], t: 3 }

describe('saved whiteboard strokes', () => {
  it('accept valid strokes and refuse coordinates off the board, odd colours and unknown tools', () => {
    expect(SavedBoardSchema.safeParse([stroke]).success).toBe(true)
    expect(SavedBoardSchema.safeParse([{ ...stroke, points: [[1.5, 0]] }]).success).toBe(false)
    expect(SavedBoardSchema.safeParse([{ ...stroke, color: 'red"/><script>' }]).success).toBe(false)
    expect(SavedBoardSchema.safeParse([{ ...stroke, tool: 'laser' }]).success).toBe(false)
  })

  it('reading a stored board leaves out what no longer parses', () => {
    expect(readSavedStrokes([stroke, { id: 'broken' }], 10)).toEqual([stroke])
    expect(readSavedStrokes('nonsense', 10)).toEqual([])
    expect(readSavedStrokes([{ ...stroke, t: 99 }], 10)).toEqual([{ ...stroke, t: 10 }])
  })

  it('names the size and the limit when a board is too large to save', () => {
    expect(boardSizeProblem([stroke])).toBeNull()
    const points = Array.from({ length: 2000 }, (): [number, number] => [0.123456, 0.654321])
    const big = Array.from({ length: 40 }, (_, i) => ({ ...stroke, id: `s${i}`, points }))
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_BOARD_BYTES)
    expect(boardSizeProblem(big)).toMatch(/too large to save \(\d+ KB; the limit is 512 KB\)/)
  })
})

import { describe, expect, it } from 'vitest'
import type { Stroke } from '~/domain/whiteboard-strokes'
import { strokesToSvg } from './strokes-to-svg'

const base = { author: 'p', color: '#d62828', width: 10, t: 1 }

describe('strokesToSvg', () => {
  it('draws each tool at board scale, the eraser in the background colour, in order', () => {
    const strokes: Stroke[] = [
      {
        ...base,
        id: 'a',
        tool: 'pen',
        points: [
          [0.1, 0.1],
          [0.2, 0.3],
        ],
      },
      {
        ...base,
        id: 'b',
        tool: 'line',
        points: [
          [0, 0],
          [0.5, 0.5],
          [1, 1],
        ],
      },
      {
        ...base,
        id: 'c',
        tool: 'rectangle',
        points: [
          [0.5, 0.5],
          [0.25, 0.25],
        ],
      },
      {
        ...base,
        id: 'd',
        tool: 'ellipse',
        points: [
          [0, 0],
          [0.5, 1],
        ],
      },
      { ...base, id: 'e', tool: 'eraser', points: [[0.3, 0.3]] },
    ]
    const svg = strokesToSvg(strokes, 'Board <1>')
    expect(svg).toContain('viewBox="0 0 1600 900"')
    expect(svg).toContain('aria-label="Board &lt;1&gt;"')
    expect(svg).toContain('<path d="M160 90 L320 270" fill="none" stroke="#d62828" stroke-width="16"')
    expect(svg).toContain('<path d="M0 0 L1600 900"')
    expect(svg).toContain('<rect x="400" y="225" width="400" height="225"')
    expect(svg).toContain('<ellipse cx="400" cy="450" rx="400" ry="450"')
    expect(svg).toContain('<path d="M480 270 L480 270" fill="none" stroke="#ffffff"')
    expect(svg.indexOf('M160 90')).toBeLessThan(svg.indexOf('M480 270'))
  })

  it('an empty board is just the background', () => {
    expect(strokesToSvg([], 'Empty')).toMatch(/^<svg [^>]+><rect width="1600" height="900" fill="#ffffff"\/><\/svg>$/)
  })
})

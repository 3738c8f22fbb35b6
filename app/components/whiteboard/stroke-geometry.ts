import { BOARD_BACKGROUND, BOARD_UNITS_WIDE, type Point, type Stroke } from '~/domain/whiteboard-strokes'

/*
 * What a stroke looks like on a board of a given size, shared by the canvas in the call and the
 * SVG on the call's page so both draw the same picture.
 */

export type BoardSize = { width: number; height: number }

export type Shape =
  | { kind: 'path'; points: Point[] }
  | { kind: 'rectangle'; x: number; y: number; width: number; height: number }
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number }

export type StrokeLook = { shape: Shape; color: string; lineWidth: number }

export function strokeLook(stroke: Stroke, size: BoardSize): StrokeLook {
  const points = stroke.points.map(([x, y]): Point => [x * size.width, y * size.height])
  return {
    shape: shapeOf(stroke.tool, points),
    color: stroke.tool === 'eraser' ? BOARD_BACKGROUND : stroke.color,
    lineWidth: (stroke.width * size.width) / BOARD_UNITS_WIDE,
  }
}

function shapeOf(tool: Stroke['tool'], points: Point[]): Shape {
  const first = points[0] ?? [0, 0]
  const last = points.at(-1) ?? first
  const [left, right] = [Math.min(first[0], last[0]), Math.max(first[0], last[0])]
  const [top, bottom] = [Math.min(first[1], last[1]), Math.max(first[1], last[1])]
  switch (tool) {
    case 'pen':
    case 'eraser':
      // A single point (a tap) is drawn as a dot: a zero-length path with round caps.
      return { kind: 'path', points: points.length === 1 ? [first, first] : points }
    case 'line':
      return { kind: 'path', points: [first, last] }
    case 'rectangle':
      return { kind: 'rectangle', x: left, y: top, width: right - left, height: bottom - top }
    case 'ellipse':
      return {
        kind: 'ellipse',
        cx: (left + right) / 2,
        cy: (top + bottom) / 2,
        rx: (right - left) / 2,
        ry: (bottom - top) / 2,
      }
  }
}

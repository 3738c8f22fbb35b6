import { BOARD_BACKGROUND, type Stroke } from '~/domain/whiteboard-strokes'
import { strokeLook, type BoardSize } from './stroke-geometry'

/** Paints the board (background, then strokes bottom first) on a canvas context in CSS pixels. */
export function drawBoard(context: CanvasRenderingContext2D, strokes: readonly Stroke[], size: BoardSize): void {
  context.fillStyle = BOARD_BACKGROUND
  context.fillRect(0, 0, size.width, size.height)
  for (const stroke of strokes) drawStroke(context, stroke, size)
}

export function drawStroke(context: CanvasRenderingContext2D, stroke: Stroke, size: BoardSize): void {
  const { shape, color, lineWidth } = strokeLook(stroke, size)
  context.strokeStyle = color
  context.lineWidth = lineWidth
  context.lineCap = 'round'
  context.lineJoin = 'round'
  context.beginPath()
  switch (shape.kind) {
    case 'path':
      shape.points.forEach(([x, y], i) => (i === 0 ? context.moveTo(x, y) : context.lineTo(x, y)))
      break
    case 'rectangle':
      context.rect(shape.x, shape.y, shape.width, shape.height)
      break
    case 'ellipse':
      context.ellipse(shape.cx, shape.cy, shape.rx, shape.ry, 0, 0, 2 * Math.PI)
      break
  }
  context.stroke()
}

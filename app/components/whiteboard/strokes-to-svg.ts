import { BOARD_ASPECT, BOARD_BACKGROUND, type Stroke } from '~/domain/whiteboard-strokes'
import { strokeLook, type Shape } from './stroke-geometry'

/** The SVG's own units: the board is this many wide (its height follows the board's shape). */
const SVG_WIDTH = 1600
const SVG_HEIGHT = Math.round(SVG_WIDTH / BOARD_ASPECT)

const round = (n: number) => Math.round(n * 10) / 10

function shapeElement(shape: Shape, paint: string): string {
  switch (shape.kind) {
    case 'path': {
      const d = shape.points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`).join(' ')
      return `<path d="${d}" ${paint}/>`
    }
    case 'rectangle':
      return `<rect x="${round(shape.x)}" y="${round(shape.y)}" width="${round(shape.width)}" height="${round(shape.height)}" ${paint}/>`
    case 'ellipse':
      return `<ellipse cx="${round(shape.cx)}" cy="${round(shape.cy)}" rx="${round(shape.rx)}" ry="${round(shape.ry)}" ${paint}/>`
  }
}

/**
 * The board as a standalone SVG document (it works without JavaScript and prints). Only numbers
 * and colours checked against #rrggbb go into the markup, so nothing in it needs escaping.
 */
export function strokesToSvg(strokes: readonly Stroke[], title: string): string {
  const size = { width: SVG_WIDTH, height: SVG_HEIGHT }
  const elements = strokes.map((stroke) => {
    const { shape, color, lineWidth } = strokeLook(stroke, size)
    const paint = `fill="none" stroke="${color}" stroke-width="${round(lineWidth)}" stroke-linecap="round" stroke-linejoin="round"`
    return shapeElement(shape, paint)
  })
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SVG_WIDTH} ${SVG_HEIGHT}" role="img" aria-label="${escapeText(title)}">`,
    `<rect width="${SVG_WIDTH}" height="${SVG_HEIGHT}" fill="${BOARD_BACKGROUND}"/>`,
    ...elements,
    '</svg>',
  ].join('')
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

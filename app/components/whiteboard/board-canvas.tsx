import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef } from 'react'
import { MAX_POINTS_PER_STROKE, type Point, type Stroke } from '~/domain/whiteboard-strokes'
import type { DrawnStroke } from './board-sync'
import { drawBoard, drawStroke } from './draw-board'

type Props = {
  strokes: readonly Stroke[]
  /** The stroke the pointer would draw, without its points. */
  pen: Omit<DrawnStroke, 'points'>
  onDraw: (stroke: DrawnStroke) => void
  label: string
}

/** Pen points closer than this (a fraction of the board's width) add nothing visible. */
const MIN_STEP = 0.002

const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 10_000) / 10_000

function boardPoint(canvas: HTMLCanvasElement, event: React.PointerEvent): Point {
  const box = canvas.getBoundingClientRect()
  return [round((event.clientX - box.left) / box.width), round((event.clientY - box.top) / box.height)]
}

/**
 * The board on a canvas, sharp at any devicePixelRatio and redrawn when its element resizes; the
 * pointer (mouse, touch or pen) draws with the chosen tool and hands each finished stroke on.
 */
export const BoardCanvas = forwardRef<HTMLCanvasElement, Props>(function BoardCanvas(
  { strokes, pen, onDraw, label },
  forwardedRef,
) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const drawing = useRef<{ pointerId: number; points: Point[] } | null>(null)
  useImperativeHandle(forwardedRef, () => canvasRef.current!, [])

  const paint = useCallback(() => {
    const canvas = canvasRef.current
    const context = canvas?.getContext('2d')
    if (!canvas || !context) return
    const ratio = window.devicePixelRatio || 1
    const size = { width: canvas.clientWidth, height: canvas.clientHeight }
    if (canvas.width !== Math.round(size.width * ratio) || canvas.height !== Math.round(size.height * ratio)) {
      canvas.width = Math.round(size.width * ratio)
      canvas.height = Math.round(size.height * ratio)
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0)
    drawBoard(context, strokes, size)
    const current = drawing.current
    if (current) drawStroke(context, { ...pen, points: current.points, id: '', author: '', t: 0 }, size)
  }, [strokes, pen])

  useEffect(() => {
    paint()
    const canvas = canvasRef.current
    if (!canvas) return
    const observer = new ResizeObserver(() => paint())
    observer.observe(canvas)
    return () => observer.disconnect()
  }, [paint])

  function start(event: React.PointerEvent<HTMLCanvasElement>) {
    if (event.button !== 0 || drawing.current) return
    event.currentTarget.setPointerCapture(event.pointerId)
    drawing.current = { pointerId: event.pointerId, points: [boardPoint(event.currentTarget, event)] }
    paint()
  }

  function move(event: React.PointerEvent<HTMLCanvasElement>) {
    const current = drawing.current
    if (!current || current.pointerId !== event.pointerId) return
    const point = boardPoint(event.currentTarget, event)
    if (pen.tool === 'pen' || pen.tool === 'eraser') {
      const last = current.points.at(-1)!
      if (Math.hypot(point[0] - last[0], point[1] - last[1]) < MIN_STEP) return
      current.points.push(point)
      // A very long line goes out as several strokes, each within what a stroke may hold.
      if (current.points.length === MAX_POINTS_PER_STROKE) {
        onDraw({ ...pen, points: current.points })
        current.points = [point]
      }
    } else {
      current.points = [current.points[0]!, point]
    }
    paint()
  }

  function finish(event: React.PointerEvent<HTMLCanvasElement>) {
    const current = drawing.current
    if (!current || current.pointerId !== event.pointerId) return
    drawing.current = null
    if (event.type === 'pointerup') onDraw({ ...pen, points: current.points })
    paint()
  }

  return (
    <canvas
      ref={canvasRef}
      className="whiteboard__canvas"
      role="img"
      aria-label={label}
      onPointerDown={start}
      onPointerMove={move}
      onPointerUp={finish}
      onPointerCancel={finish}
    />
  )
})

import type { Stroke } from '~/domain/whiteboard-strokes'
import { strokesToSvg } from './strokes-to-svg'

/**
 * The call's board as it was saved, drawn on the server as SVG (no JavaScript needed; it prints).
 * The markup comes from strokesToSvg, which writes only numbers and checked colours.
 */
export function WhiteboardSnapshot({ strokes, title }: { strokes: readonly Stroke[]; title: string }) {
  if (strokes.length === 0) return <p className="muted">Nobody drew on the whiteboard in this call.</p>
  return <div className="whiteboard-snapshot" dangerouslySetInnerHTML={{ __html: strokesToSvg(strokes, title) }} />
}

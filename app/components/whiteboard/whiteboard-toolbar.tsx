import { useState } from 'react'
import { STROKE_WIDTHS, WHITEBOARD_TOOLS, type WhiteboardTool } from '~/domain/whiteboard-strokes'
import type { DrawnStroke } from './board-sync'

const TOOL_LABELS: Record<WhiteboardTool, string> = {
  pen: 'Pen',
  eraser: 'Eraser',
  line: 'Line',
  rectangle: 'Rectangle',
  ellipse: 'Ellipse',
}

export type Pen = Omit<DrawnStroke, 'points'>

type Props = {
  pen: Pen
  onPenChange: (pen: Pen) => void
  canUndo: boolean
  canRedo: boolean
  onUndo: () => void
  onRedo: () => void
  onClear: () => void
  onExport: () => void
}

/** The whiteboard's controls: native radios, inputs and buttons, so each is reachable by keyboard. */
export function WhiteboardToolbar({ pen, onPenChange, canUndo, canRedo, onUndo, onRedo, onClear, onExport }: Props) {
  return (
    <div className="whiteboard__toolbar" role="toolbar" aria-label="Whiteboard tools">
      <fieldset className="whiteboard__tools">
        <legend className="visually-hidden">Tool</legend>
        {WHITEBOARD_TOOLS.map((tool) => (
          <label key={tool} className="whiteboard__tool">
            <input
              type="radio"
              name="whiteboard-tool"
              value={tool}
              checked={pen.tool === tool}
              onChange={() => onPenChange({ ...pen, tool })}
            />
            {TOOL_LABELS[tool]}
          </label>
        ))}
      </fieldset>
      <label className="whiteboard__field">
        Stroke colour
        <input
          type="color"
          value={pen.color}
          disabled={pen.tool === 'eraser'}
          onChange={(event) => onPenChange({ ...pen, color: event.target.value })}
        />
      </label>
      <label className="whiteboard__field">
        Stroke width
        <select value={pen.width} onChange={(event) => onPenChange({ ...pen, width: Number(event.target.value) })}>
          {STROKE_WIDTHS.map((width) => (
            <option key={width} value={width}>
              {width}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--secondary" onClick={onUndo} disabled={!canUndo}>
        Undo
      </button>
      <button type="button" className="button button--secondary" onClick={onRedo} disabled={!canRedo}>
        Redo
      </button>
      <ClearBoardButton onClear={onClear} />
      <button type="button" className="button button--secondary" onClick={onExport}>
        Export as PNG
      </button>
    </div>
  )
}

/** Clearing wipes the board for everyone in the call and undo does not bring it back, so it asks first. */
function ClearBoardButton({ onClear }: { onClear: () => void }) {
  const [asking, setAsking] = useState(false)
  if (!asking)
    return (
      <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
        Clear board
      </button>
    )
  return (
    <span className="whiteboard__confirm" role="group" aria-label="Clear the board for everyone?">
      <span>Clear the board for everyone?</span>
      <button
        type="button"
        className="button button--danger"
        onClick={() => {
          setAsking(false)
          onClear()
        }}
      >
        Yes, clear it
      </button>
      <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
        Keep it
      </button>
    </span>
  )
}

import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { CallBus } from '~/components/call/call-bus'
import type { Stroke } from '~/domain/whiteboard-strokes'
import { BoardCanvas } from './board-canvas'
import { boardFromStrokes } from './board-model'
import { BoardSync } from './board-sync'
import { exportCanvasAsPng } from './export-png'
import { useBoardSave, type SaveStatus } from './use-board-save'
import { WhiteboardToolbar, type Pen } from './whiteboard-toolbar'

type Props = {
  bus: CallBus
  callId: string
  /** The board as saved with the call, to start from. */
  initialStrokes: readonly Stroke[]
}

const SAVE_TEXT: Record<Exclude<SaveStatus['state'], 'failed'>, string> = {
  idle: '',
  unsaved: 'Changes not saved yet…',
  saving: 'Saving the board…',
  saved: 'Board saved with the call.',
}

/** The call's shared whiteboard: everyone draws, everyone sees it, and it is saved with the call. */
export function Whiteboard({ bus, callId, initialStrokes }: Props) {
  const [initial] = useState(() => boardFromStrokes(initialStrokes))
  const sync = useMemo(() => new BoardSync(bus, initial), [bus, initial])
  useEffect(() => sync.connect(), [sync])
  const view = useSyncExternalStore(sync.listen, sync.view, sync.view)
  const [pen, setPen] = useState<Pen>({ tool: 'pen', color: '#d62828', width: 4 })
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const save = useBoardSave(callId, view.strokes, view.time)

  return (
    <section className="whiteboard" aria-labelledby="whiteboard-title">
      <h2 id="whiteboard-title">Whiteboard</h2>
      <WhiteboardToolbar
        pen={pen}
        onPenChange={setPen}
        canUndo={view.canUndo}
        canRedo={view.canRedo}
        onUndo={() => sync.undo()}
        onRedo={() => sync.redo()}
        onClear={() => sync.clear()}
        onExport={() => canvasRef.current && exportCanvasAsPng(canvasRef.current, 'whiteboard.png')}
      />
      <BoardCanvas
        ref={canvasRef}
        strokes={view.strokes}
        pen={pen}
        onDraw={(stroke) => sync.draw(stroke)}
        label={`Shared whiteboard, ${view.strokes.length} ${view.strokes.length === 1 ? 'stroke' : 'strokes'}`}
      />
      <p
        className={save.state === 'failed' ? 'whiteboard__status whiteboard__status--failed' : 'whiteboard__status'}
        role="status"
      >
        {save.state === 'failed' ? save.message : SAVE_TEXT[save.state]}
      </p>
    </section>
  )
}

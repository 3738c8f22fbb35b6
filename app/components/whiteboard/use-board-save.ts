import { useEffect, useRef, useState } from 'react'
import { boardSizeProblem, type Stroke } from '~/domain/whiteboard-strokes'

const SAVE_DELAY_MS = 1500

export type SaveStatus = { state: 'idle' | 'unsaved' | 'saving' | 'saved' } | { state: 'failed'; message: string }

function saveBody(board: PendingBoard): FormData {
  const body = new FormData()
  body.set('strokes', JSON.stringify(board.strokes))
  body.set('time', String(board.time))
  return body
}

type PendingBoard = { strokes: readonly Stroke[]; time: number }

/**
 * Saves the board with the call a moment after it last changed (every browser in the call does,
 * with the board's time, so a browser that is behind never replaces a newer board), and at once
 * when the room or the page is left.
 */
export function useBoardSave(callId: string, strokes: readonly Stroke[], time: number): SaveStatus {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' })
  const first = useRef(strokes)
  const pending = useRef<PendingBoard | null>(null)
  const url = `/calls/${encodeURIComponent(callId)}/whiteboard`

  useEffect(() => {
    if (strokes === first.current) return
    pending.current = { strokes, time }
    // "Saved" would now describe an older board.
    setStatus({ state: 'unsaved' })
    const timer = window.setTimeout(async () => {
      pending.current = null
      const problem = boardSizeProblem(strokes)
      if (problem) return setStatus({ state: 'failed', message: problem })
      setStatus({ state: 'saving' })
      try {
        const response = await fetch(url, { method: 'POST', body: saveBody({ strokes, time }) })
        setStatus(response.ok ? { state: 'saved' } : { state: 'failed', message: await response.text() })
      } catch {
        setStatus({ state: 'failed', message: 'The whiteboard could not be saved: the connection failed.' })
      }
    }, SAVE_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [strokes, time, url])

  useEffect(() => {
    const flush = () => {
      if (pending.current && !boardSizeProblem(pending.current.strokes))
        navigator.sendBeacon(url, saveBody(pending.current))
    }
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      flush()
    }
  }, [url])

  return status
}

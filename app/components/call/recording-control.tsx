import { useEffect, useState } from 'react'
import type { CallBus, CallMedia } from './call-bus'
import { RecordingStopped, startCallRecorder, type CallRecorder, type RecordingMode } from './call-recorder'
import { AlertMessage } from '~/components/ui/alert-message'

const CHANNEL = 'recording'
/** The recorder repeats that it is recording this often; others end the banner after 3 silent beats. */
const BEAT_MS = 2000

type Notice =
  { type: 'running'; recordingId: string; by: string; mode: RecordingMode } | { type: 'stopped'; recordingId: string }
type Running = { recordingId: string; by: string; mode: RecordingMode; seenAt: number }

function readNotice(payload: unknown): Notice | null {
  if (typeof payload !== 'object' || payload === null) return null
  const notice = payload as Partial<Record<string, unknown>>
  if (typeof notice.recordingId !== 'string') return null
  if (notice.type === 'stopped') return { type: 'stopped', recordingId: notice.recordingId }
  if (
    notice.type === 'running' &&
    typeof notice.by === 'string' &&
    (notice.mode === 'video' || notice.mode === 'audio')
  ) {
    return { type: 'running', recordingId: notice.recordingId, by: notice.by, mode: notice.mode }
  }
  return null
}

/**
 * Start/stop recording in the room. Whoever records tells everyone over the call bus (and each
 * late joiner), so every participant sees who is recording and a "● Recording" indicator for as
 * long as it runs; the indicator ends when the recorder stops or is gone.
 */
export function RecordingControl({
  callId,
  selfName,
  bus,
  media,
}: {
  callId: string
  selfName: string
  bus: CallBus
  media: CallMedia
}) {
  const [mode, setMode] = useState<RecordingMode>('video')
  const [own, setOwn] = useState<CallRecorder | null>(null)
  const [busy, setBusy] = useState(false)
  const [other, setOther] = useState<Running | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    const unsubscribe = bus.subscribe(CHANNEL, (payload) => {
      const notice = readNotice(payload)
      if (notice?.type === 'running') setOther({ ...notice, seenAt: Date.now() })
      if (notice?.type === 'stopped')
        setOther((running) => (running?.recordingId === notice.recordingId ? null : running))
    })
    const quiet = setInterval(() => {
      setOther((running) => (running && Date.now() - running.seenAt > 3 * BEAT_MS ? null : running))
    }, BEAT_MS)
    return () => {
      unsubscribe()
      clearInterval(quiet)
    }
  }, [bus])

  // While recording: tell everyone now, again on each beat, and each newcomer as they join.
  // Leaving the room (or closing it) ends the recording with what was uploaded.
  useEffect(() => {
    if (!own) return
    const notice: Notice = { type: 'running', recordingId: own.recordingId, by: selfName, mode: own.mode }
    bus.broadcast(CHANNEL, notice)
    const beat = setInterval(() => bus.broadcast(CHANNEL, notice), BEAT_MS)
    const stopJoins = bus.onPeerJoined((peerId) => bus.sendTo(peerId, CHANNEL, notice))
    return () => {
      clearInterval(beat)
      stopJoins()
      bus.broadcast(CHANNEL, { type: 'stopped', recordingId: own.recordingId } satisfies Notice)
      void own.stop()
    }
  }, [bus, own, selfName])

  async function start() {
    setBusy(true)
    setProblem(null)
    try {
      const recorder = await startCallRecorder({
        callId,
        mode,
        media,
        onStopped: (message) => {
          setOwn(null)
          setProblem(message)
        },
      })
      setOwn(recorder)
    } catch (error) {
      setProblem(error instanceof RecordingStopped ? error.message : 'The recording could not start.')
    } finally {
      setBusy(false)
    }
  }

  async function stop() {
    if (!own) return
    setBusy(true)
    await own.stop()
    setOwn(null)
    setBusy(false)
  }

  const running = own ? { by: 'You', mode: own.mode } : other
  return (
    <div className="recording-control">
      {running ? (
        <>
          <span className="recording-indicator" role="status">
            ● Recording
          </span>
          <p className="recording-banner" role="alert">
            {running.by} started recording this call{running.mode === 'audio' ? ' (audio only)' : ''}.
          </p>
        </>
      ) : null}
      {own ? (
        <button type="button" className="button" disabled={busy} onClick={() => void stop()}>
          Stop recording
        </button>
      ) : other ? null : (
        <>
          <label>
            Record{' '}
            <select value={mode} onChange={(event) => setMode(event.target.value === 'audio' ? 'audio' : 'video')}>
              <option value="video">Video</option>
              <option value="audio">Audio only</option>
            </select>
          </label>
          <button type="button" className="button" disabled={busy} onClick={() => void start()}>
            Start recording
          </button>
        </>
      )}
      <AlertMessage message={problem} />
    </div>
  )
}

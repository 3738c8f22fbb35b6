import { formatDateTime } from '~/utils/format'
import { formatCallDuration } from '~/utils/call-duration'

export type RecordingItem = {
  id: string
  mode: 'video' | 'audio'
  status: 'recording' | 'complete'
  startedByName: string
  startedAt: string
  durationMs: number | null
  sizeBytes: number
  url: string
}

function describe(recording: RecordingItem): string {
  const length = recording.durationMs === null ? 'still recording' : formatCallDuration(recording.durationMs)
  const size = `${(recording.sizeBytes / 1_000_000).toFixed(1)} MB`
  return `${recording.mode === 'video' ? 'Video' : 'Audio'} by ${recording.startedByName}, ${formatDateTime(recording.startedAt)} · ${length} · ${size}`
}

/** A call's recordings, each playable in place (plain media controls, no script needed) and downloadable. */
export function RecordingList({ recordings }: { recordings: RecordingItem[] }) {
  if (!recordings.length) return <p className="muted">This call was not recorded.</p>
  return (
    <ul className="recording-list">
      {recordings.map((recording) => (
        <li key={recording.id}>
          <p>{describe(recording)}</p>
          {/* eslint-disable jsx-a11y/media-has-caption -- a recorded call has no captions to offer */}
          {recording.mode === 'video' ? (
            <video controls preload="metadata" src={recording.url} aria-label={describe(recording)} />
          ) : (
            <audio controls preload="metadata" src={recording.url} aria-label={describe(recording)} />
          )}
          {/* eslint-enable jsx-a11y/media-has-caption */}
          <p>
            <a href={`${recording.url}?download`} download>
              Download
            </a>
          </p>
        </li>
      ))}
    </ul>
  )
}

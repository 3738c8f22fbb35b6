import { Link } from '@remix-run/react'
import { formatCallDuration } from '~/utils/call-duration'
import { formatDateTime } from '~/utils/format'

export type ContractCallItem = {
  id: string
  startedAt: string
  durationMs: number | null
  startedByName: string
  attendeeNames: string[]
  recordings: { id: string; mode: 'video' | 'audio'; durationMs: number | null; url: string }[]
}

/** The calls held on a contract, newest first, each linking to its page (who joined, recordings, board). */
export function ContractCalls({ calls }: { calls: ContractCallItem[] }) {
  if (!calls.length) return <p className="muted">No calls on this contract yet.</p>
  return (
    <ul className="contract-calls">
      {calls.map((call) => (
        <li key={call.id}>
          <Link to={`/calls/${call.id}`}>Call on {formatDateTime(call.startedAt)}</Link>
          {' · '}
          {call.durationMs === null ? 'ongoing' : formatCallDuration(call.durationMs)}
          {call.attendeeNames.length ? ` · ${call.attendeeNames.join(', ')}` : ''}
          {call.recordings.length ? (
            <ul>
              {call.recordings.map((recording) => (
                <li key={recording.id}>
                  {recording.mode === 'video' ? 'Video' : 'Audio'} recording
                  {recording.durationMs === null ? ' (in progress)' : ` (${formatCallDuration(recording.durationMs)})`}
                  {' · '}
                  <a href={`${recording.url}?download`} download>
                    Download
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

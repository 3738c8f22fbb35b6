import { formatDateTime } from '~/utils/format'
import { formatCallDuration } from '~/utils/call-duration'

type Row = { peerId: string; name: string; joinedAt: string | null; leftAt: string | null }

/** Who joined and left when; a rejoin is its own row. */
export function AttendanceTable({ attendance }: { attendance: Row[] }) {
  if (!attendance.length) return <p className="muted">Nobody has joined yet.</p>
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">Joined</th>
            <th scope="col">Left</th>
            <th scope="col">Time in the call</th>
          </tr>
        </thead>
        <tbody>
          {attendance.map((row) => (
            <tr key={row.peerId}>
              <td>{row.name}</td>
              <td>{row.joinedAt ? formatDateTime(row.joinedAt) : '—'}</td>
              <td>{row.leftAt ? formatDateTime(row.leftAt) : 'Still in the call'}</td>
              <td>
                {row.joinedAt && row.leftAt
                  ? formatCallDuration(new Date(row.leftAt).getTime() - new Date(row.joinedAt).getTime())
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

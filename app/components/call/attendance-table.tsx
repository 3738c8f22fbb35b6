import { formatDateTime } from '~/utils/format'
import { DataTable } from '~/components/ui/data-table'
import { formatCallDuration } from '~/utils/call-duration'

type Row = { peerId: string; name: string; joinedAt: string | null; leftAt: string | null }

/** Who joined and left when; a rejoin is its own row. */
export function AttendanceTable({ attendance }: { attendance: Row[] }) {
  if (!attendance.length) return <p className="muted">Nobody has joined yet.</p>
  return (
    <DataTable caption="Attendance" columns={['Who', 'Joined', 'Left', 'Time in the call']}>
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
    </DataTable>
  )
}

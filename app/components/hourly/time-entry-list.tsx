import { Form } from '@remix-run/react'
import { formatDuration } from '~/services/marketplace/hourly'
import { formatDate } from '~/utils/format'
import { DataTable } from '~/components/ui/data-table'

export type TimeEntryRow = { id: string; workDate: string; minutes: number; memo: string; invoiced: boolean }

/** Logged time, newest first; the freelancer may delete what is not on an invoice yet. */
export function TimeEntryList({ entries, canEdit }: { entries: TimeEntryRow[]; canEdit: boolean }) {
  if (!entries.length) return <p className="muted">No time logged yet.</p>
  return (
    <DataTable caption="Logged time" stackOnPhone columns={['Day', 'Time', 'Memo', ...(canEdit ? ['Change'] : [])]}>
      {entries.map((entry) => (
        <tr key={entry.id}>
          <td>{formatDate(entry.workDate)}</td>
          <td>{formatDuration(entry.minutes)}</td>
          <td>{entry.memo}</td>
          {canEdit ? (
            <td>
              {entry.invoiced ? (
                <span className="muted">Invoiced</span>
              ) : (
                <Form method="post">
                  <input type="hidden" name="entryId" value={entry.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="delete-entry"
                    className="button button--ghost button--wrap"
                  >
                    Delete entry of {formatDate(entry.workDate)}
                  </button>
                </Form>
              )}
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  )
}

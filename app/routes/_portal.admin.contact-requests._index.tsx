import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { loadContactRequests } from '~/services/help/contact.server'
import { formatDateTime } from '~/utils/format'
import { DataTable } from '~/components/ui/data-table'
import { PageHeader } from '~/components/ui/page-header'
import { TabLinks } from '~/components/ui/tab-links'
import { readAdminQuery } from '~/http/query.server'
import { ContactRequestFilterSchema } from '~/services/help/contact-schemas'

export const meta: MetaFunction = () => [{ title: 'Contact requests · Admin · MegiLance' }]

const PAGE_SIZE = 30

export async function loader({ request }: LoaderFunctionArgs) {
  const filter = await readAdminQuery(request, ContactRequestFilterSchema)
  return json({ filter, ...(await loadContactRequests(filter.status, filter.page, PAGE_SIZE)) })
}

export default function AdminContactRequests() {
  const { filter, rows, total } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Contact requests">
        <p className="muted">
          Questions sent from the help centre. Open ones are listed oldest first: whoever waited longest is answered
          first.
        </p>
      </PageHeader>
      <TabLinks
        label="Contact request lists"
        tabs={[
          { to: '?status=open', label: 'Open', current: filter.status === 'open' },
          { to: '?status=answered', label: 'Answered', current: filter.status === 'answered' },
        ]}
      />
      <DataTable
        pages={{ page: filter.page, pageSize: PAGE_SIZE, total }}
        caption={filter.status === 'open' ? `Open contact requests (${total})` : `Answered contact requests (${total})`}
        columns={['From', 'Topic', { label: 'Received', className: 'hide-narrow' }]}
        card
        empty={
          rows.length === 0
            ? filter.status === 'open'
              ? 'No open requests. Everyone has an answer.'
              : 'None answered yet.'
            : null
        }
      >
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <Link to={`/admin/contact-requests/${row.id}`}>{row.name}</Link>
              <span className="cell-detail">{row.email}</span>
            </td>
            <td>
              {row.topicLabel}
              <span className="cell-detail">
                {row.message.length > 90 ? `${row.message.slice(0, 90)}…` : row.message}
              </span>
            </td>
            <td className="hide-narrow">{formatDateTime(row.createdAt)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  )
}

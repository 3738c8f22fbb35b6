import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { listDisputesForAdmin } from '~/models/disputes.server'
import { requireRole } from '~/http/auth.server'
import { formatDateTime, formatMoney } from '~/utils/format'
import { DataTable, numeric } from '~/components/ui/data-table'
import { PageHeader } from '~/components/ui/page-header'
import { TabLinks } from '~/components/ui/tab-links'

export const meta: MetaFunction = () => [{ title: 'Disputes · Admin · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const show = new URL(request.url).searchParams.get('show') === 'decided' ? 'decided' : 'waiting'
  const rows = await listDisputesForAdmin(show)
  return json({
    show,
    rows: rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
    })),
  })
}

const STATUS = { open: 'Waiting for a response', responded: 'Ready to decide', decided: 'Decided' } as const

export default function AdminDisputes() {
  const { show, rows } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  return (
    <>
      <PageHeader title="Disputes">
        <p className="muted">Oldest first: whoever waited longest is decided first.</p>
      </PageHeader>
      <TabLinks
        label="Dispute lists"
        tabs={[
          { to: '?show=waiting', label: 'Waiting', current: show === 'waiting' },
          { to: '?show=decided', label: 'Decided', current: show === 'decided' || params.get('show') === 'decided' },
        ]}
      />
      {rows.length ? (
        <DataTable
          caption={show === 'waiting' ? 'Disputes waiting' : 'Decided disputes'}
          columns={['Contract', 'About', numeric('Amount'), 'Opened by', 'Opened', 'Status']}
          stackOnPhone
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/disputes/${row.id}`}>{row.contractTitle}</Link>
              </td>
              <td>{row.invoiceId ? 'Weekly invoice' : 'Milestone'}</td>
              <td className="numeric">{formatMoney(row.amountMinor, row.currency)}</td>
              <td>{row.openedByName}</td>
              <td>{formatDateTime(row.createdAt)}</td>
              <td>{STATUS[row.status]}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="empty">{show === 'waiting' ? 'No dispute is waiting. ' : 'No dispute has been decided yet.'}</p>
      )}
    </>
  )
}

import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { ChurnMethod } from '~/components/churn/churn-method'
import { DataTable } from '~/components/ui/data-table'
import { FilterForm } from '~/components/ui/filters'
import { PageHeader } from '~/components/ui/page-header'
import { Stat } from '~/components/ui/stat'
import { ChurnFilterSchema } from '~/domain/churn-filters'
import { readAdminQuery } from '~/http/query.server'
import { churnPage } from '~/services/ai/churn.server'
import { formatDateTime } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Churn risk · Admin · MegiLance' }]

const BAND_LABELS = { high: 'High', medium: 'Medium', low: 'Low' } as const
const ROLE_OPTIONS = { client: 'Clients', freelancer: 'Freelancers' }

export async function loader({ request }: LoaderFunctionArgs) {
  const filter = await readAdminQuery(request, ChurnFilterSchema)
  return json({ filter, ...(await churnPage(filter)) })
}

export default function AdminChurn() {
  const { filter, method, scoredAt, bands, total, pageSize, rows } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  const csvQuery = new URLSearchParams(search)
  csvQuery.delete('page')
  return (
    <>
      <PageHeader title="Churn risk">
        <p className="muted">
          Clients and freelancers active in the last 90 days who may do nothing in the next {method.horizonDays} days,
          riskiest first, each with its reasons. Scored {formatDateTime(scoredAt)}; the list is recomputed hourly.
        </p>
      </PageHeader>
      <dl className="stats">
        <Stat label="High risk" value={bands.high} />
        <Stat label="Medium risk" value={bands.medium} />
        <Stat label="Low risk" value={bands.low} />
      </dl>
      <ChurnMethod method={method} />
      <FilterForm
        label="Filter accounts"
        submit="Filter"
        idPrefix="churn"
        values={filter}
        fields={[
          { kind: 'select', name: 'role', label: 'Role', anyLabel: 'Clients and freelancers', options: ROLE_OPTIONS },
          { kind: 'select', name: 'band', label: 'Risk', anyLabel: 'Any risk', options: BAND_LABELS },
        ]}
      />
      <p>
        {total.toLocaleString('en')} matching {total === 1 ? 'account' : 'accounts'} ·{' '}
        <a href={`/admin/churn.csv${csvQuery.size ? `?${csvQuery}` : ''}`} download>
          Download these accounts as CSV
        </a>
      </p>
      <DataTable
        pages={{ page: filter.page, pageSize, total }}
        caption="Accounts by churn risk"
        columns={['Account', 'Role', 'Risk', 'Reasons']}
        card
        stackOnPhone
        empty={rows.length === 0 ? 'No accounts match these filters.' : null}
      >
        {rows.map((row) => (
          <tr key={row.userId}>
            <td>
              {/* To the account's page: its history, sessions and money are the next thing to look at. */}
              <Link to={`/admin/users/${row.userId}`}>{row.name}</Link>
              <span className="cell-detail">{row.email}</span>
            </td>
            <td>{row.role === 'client' ? 'Client' : 'Freelancer'}</td>
            <td>
              {Math.round(row.risk * 100)}
              {method.kind === 'model' ? '%' : ' / 100'}{' '}
              <span className={`badge badge--${row.band}`}>{BAND_LABELS[row.band]}</span>
            </td>
            <td>{row.reasons.length ? row.reasons.join('; ') : 'No warning sign'}</td>
          </tr>
        ))}
      </DataTable>
    </>
  )
}

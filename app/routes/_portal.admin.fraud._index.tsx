import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { emptyListText } from '~/components/admin/empty-list-text'
import { AlertFilters } from '~/components/fraud/alert-filters'
import { AlertsPerDayChart } from '~/components/fraud/alerts-per-day-chart'
import { PageHeader } from '~/components/ui/page-header'
import { useLiveRevalidate } from '~/components/ui/use-live-revalidate'
import { DataTable } from '~/components/ui/data-table'
import { Stat } from '~/components/ui/stat'
import { FraudAlertFilterSchema, type FraudAlertFilter } from '~/domain/fraud-alert-filters'
import { FRAUD_ALERT_STATUS_LABELS, FRAUD_ALERT_TYPE_LABELS } from '~/domain/fraud-alerts'
import { readAdminQuery } from '~/http/query.server'
import { listFraudAlerts } from '~/models/fraud-alerts.server'
import { fraudDeskSummary } from '~/services/fraud/desk-views.server'
import { formatDate, formatDateTime, formatMoney } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Fraud desk · Admin · MegiLance' }]

const PAGE_SIZE = 25

/** Whether the list is narrowed: "match these filters" would mislead on a desk that has none. */
const isFiltered = ({ type, severity, status, minScore, maxScore, person, from, to }: FraudAlertFilter) =>
  [type, severity, status, minScore, maxScore, person, from, to].some((value) => value !== undefined)

export async function loader({ request }: LoaderFunctionArgs) {
  const filter = await readAdminQuery(request, FraudAlertFilterSchema)
  const [summary, list] = await Promise.all([
    fraudDeskSummary(filter),
    listFraudAlerts(filter, { offset: (filter.page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
  ])
  return json({ filter, filtered: isFiltered(filter), ...summary, ...list })
}

export default function AdminFraudDesk() {
  const { filter, filtered, range, stats, perDay, rows, total } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  const csvQuery = new URLSearchParams(search)
  csvQuery.delete('page')
  const rate = stats.falsePositiveRate
  // New alerts appear without a reload.
  useLiveRevalidate('/admin/fraud/events', 'fraud-alert')
  return (
    <>
      <PageHeader title="Fraud desk">
        <p className="muted">
          Alerts the fraud detectors raised, each with the evidence in words. Figures for {formatDate(range.from)} to{' '}
          {formatDate(range.to)}.
        </p>
        {/* On a phone the figures and the chart fill the first screens; this goes past them. */}
        <a className="skip-narrow fraud-desk__skip" href="#alerts">
          Skip to the alerts
        </a>
      </PageHeader>
      <dl className="stats">
        <Stat label="Open" value={stats.open} />
        <Stat label="Critical and open" value={stats.critical} />
        <Stat label="Resolved" value={stats.resolved} />
        <Stat
          label="False-positive rate"
          value={rate === null ? '—' : `${Math.round(rate * 100)}%`}
          detail={`of ${stats.resolved + stats.falsePositive} closed`}
        />
        <Stat
          label="Money on hold"
          value={stats.onHold.length ? stats.onHold.map((h) => formatMoney(h.amountMinor, h.currency)).join(', ') : '—'}
          detail="payouts held"
        />
      </dl>
      <AlertsPerDayChart days={perDay} />
      <div id="alerts">
        <AlertFilters filter={filter} />
      </div>
      <p>
        {total.toLocaleString('en')} matching {total === 1 ? 'alert' : 'alerts'} ·{' '}
        <a href={`/admin/fraud/alerts.csv${csvQuery.size ? `?${csvQuery}` : ''}`} download>
          Download these alerts as CSV
        </a>
      </p>
      <DataTable
        pages={{ page: filter.page, pageSize: PAGE_SIZE, total }}
        caption="Fraud alerts"
        columns={['Alert', 'Score', 'Person', 'Evidence', 'Status', { label: 'Raised', className: 'hide-narrow' }]}
        card
        stackOnPhone
        empty={rows.length === 0 ? emptyListText(filtered, 'fraud alerts') : null}
      >
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <Link to={`/admin/fraud/${row.id}`}>{FRAUD_ALERT_TYPE_LABELS[row.type]}</Link>
            </td>
            <td>
              {row.score}
              <span className="muted"> / 100</span>{' '}
              <span className={`badge badge--${row.severity}`}>{row.severity}</span>
            </td>
            <td>
              {row.subjectName}
              <span className="cell-detail">
                {row.subjectEmail}
                {row.accountCount > 1 ? ` and ${row.accountCount - 1} more` : ''}
              </span>
            </td>
            <td>{row.summary}</td>
            <td>
              {FRAUD_ALERT_STATUS_LABELS[row.status]}
              {row.assigneeName ? <span className="cell-detail">{row.assigneeName}</span> : null}
            </td>
            <td className="hide-narrow">{formatDateTime(row.createdAt)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  )
}

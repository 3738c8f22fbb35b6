import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ExportTableView } from '~/components/analytics/export-table-view'
import { MetricCards } from '~/components/analytics/metric-cards'
import { RangeForm } from '~/components/analytics/range-form'
import { Chart } from '~/components/charts/chart'
import { requireRole } from '~/http/auth.server'
import { loadAdminAnalytics } from '~/services/analytics/admin-analytics.server'
import { parseRangeQuery, rangeQuery } from '~/services/analytics/range-query'

export const meta: MetaFunction = () => [{ title: 'Analytics · Admin · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { input, errors } = parseRangeQuery(new URL(request.url).searchParams)
  const analytics = await loadAdminAnalytics(input)
  return json({ ...analytics, errors, query: rangeQuery(analytics.period) })
}

export default function AdminAnalytics() {
  const { period, currency, cards, charts, tables, errors, query, liveDays } = useLoaderData<typeof loader>()
  const csv = (id: string) => `/admin/analytics.csv?${query}&table=${id}`
  return (
    <>
      <header className="page-header">
        <h1>Analytics</h1>
        <p className="muted" data-period>
          {period.label} · time zone {period.timeZone} · amounts in {currency}
          {liveDays ? ` · ${liveDays} ${liveDays === 1 ? 'day' : 'days'} counted live` : ''}
        </p>
        <RangeForm preset={period.preset} from={period.from} to={period.to} errors={errors} />
        <p>
          <a href={`/admin/analytics.pdf?${query}`} download>
            Download the PDF report
          </a>
        </p>
      </header>
      <MetricCards cards={cards} currency={currency} />
      <section className="card chart-grid" aria-label="Charts">
        {charts.map((chart) => (
          <Chart key={chart.id} {...chart} csvHref={csv(chart.id)} />
        ))}
      </section>
      {tables.map((table) => (
        <ExportTableView key={table.id} table={table} currency={currency} csvHref={csv(table.id)} />
      ))}
    </>
  )
}

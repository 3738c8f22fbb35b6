import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useLoaderData } from '@remix-run/react'
import { ExportTableView } from '~/components/analytics/export-table-view'
import { MetricCards } from '~/components/analytics/metric-cards'
import { RangeForm } from '~/components/analytics/range-form'
import { Chart } from '~/components/charts/chart'
import { PageHeader } from '~/components/ui/page-header'
import { requireRole } from '~/http/auth.server'
import { parseIntent } from '~/http/intent.server'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { loadAdminAnalytics } from '~/services/analytics/admin-analytics.server'
import { parseRangeQuery, rangeQuery } from '~/services/analytics/range-query'
import { AdminAnalyticsIntentSchema } from '~/services/analytics/range-schemas'
import { isSubscribedToWeeklyReport, setWeeklyReport } from '~/services/analytics/weekly-report.server'

export const meta: MetaFunction = () => [{ title: 'Analytics · Admin · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const { input, errors } = parseRangeQuery(new URL(request.url).searchParams)
  const analytics = await loadAdminAnalytics(input)
  const weeklyReport = await isSubscribedToWeeklyReport(admin.id)
  return json({ ...analytics, errors, query: rangeQuery(analytics.period), weeklyReport })
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const { on } = parseIntent(await readFormData(request), AdminAnalyticsIntentSchema)
  await setWeeklyReport(admin.id, on === 'true')
  const url = new URL(request.url)
  return redirectWithToast(`${url.pathname}${url.search}`, {
    kind: 'success',
    message: on === 'true' ? 'You will get the weekly report every Monday.' : 'Weekly reports stopped.',
  })
}

export default function AdminAnalytics() {
  const { period, currency, cards, charts, tables, errors, query, liveDays, statusAsOf, weeklyReport } =
    useLoaderData<typeof loader>()
  const csv = (id: string) => `/admin/analytics.csv?${query}&table=${id}`
  return (
    <>
      <PageHeader title="Analytics">
        <p className="muted" data-period>
          {period.label} · time zone {period.timeZone} · amounts in {currency}
          {liveDays ? ` · ${liveDays} ${liveDays === 1 ? 'day' : 'days'} counted live` : ''}
        </p>
        {statusAsOf ? (
          <p className="muted">
            Statuses and stages of projects posted before today as counted at {statusAsOf} (recounted nightly); today’s
            projects are counted live.
          </p>
        ) : null}
        <RangeForm preset={period.preset} from={period.from} to={period.to} errors={errors} />
        <p>
          <a href={`/admin/analytics.pdf?${query}`} download>
            Download the PDF report
          </a>
        </p>
        <Form method="post" className="inline-form">
          <input type="hidden" name="on" value={weeklyReport ? 'false' : 'true'} />
          <span className="muted">
            {weeklyReport ? 'You get last week’s report by email every Monday.' : 'No weekly email report.'}
          </span>{' '}
          <button type="submit" name="intent" value="weekly-report" className="button button--secondary">
            {weeklyReport ? 'Stop the weekly email' : 'Email me the report weekly'}
          </button>
        </Form>
      </PageHeader>
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

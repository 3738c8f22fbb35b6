import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRole } from '~/http/auth.server'
import { downloadResponse } from '~/http/download.server'
import { loadAdminAnalytics } from '~/services/analytics/admin-analytics.server'
import { chartTable, csvFilename, tableCsv } from '~/services/analytics/exports'
import { parseRangeQuery } from '~/services/analytics/range-query'

/** One table of /admin/analytics (a chart's data or a top-5 list) for the same period, as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const params = new URL(request.url).searchParams
  const { input } = parseRangeQuery(params)
  const analytics = await loadAdminAnalytics(input)
  const id = params.get('table')
  const chart = analytics.charts.find((c) => c.id === id)
  const table = chart ? chartTable(chart) : analytics.tables.find((t) => t.id === id)
  if (!table) throw new Response('No such table', { status: 404 })
  const { from, to } = analytics.period
  return downloadResponse(tableCsv(table, analytics.currency), csvFilename(table.id, from, to))
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRole } from '~/http/auth.server'
import { downloadResponse } from '~/http/download.server'
import { chartTable, tableCsv } from '~/services/analytics/exports'
import { loadClientAnalytics, loadFreelancerAnalytics } from '~/services/analytics/personal-analytics.server'

/** One table of the signed-in person's /analytics as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  const analytics =
    user.role === 'freelancer' ? await loadFreelancerAnalytics(user.id) : await loadClientAnalytics(user.id)
  const chart = analytics.charts.find((c) => c.id === new URL(request.url).searchParams.get('table'))
  if (!chart) throw new Response('No such table', { status: 404 })
  return downloadResponse(tableCsv(chartTable(chart), analytics.currency), `megilance-${chart.id}.csv`)
}

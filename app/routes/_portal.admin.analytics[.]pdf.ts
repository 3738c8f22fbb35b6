import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRole } from '~/http/auth.server'
import { downloadResponse } from '~/http/download.server'
import { loadAdminAnalytics } from '~/services/analytics/admin-analytics.server'
import { parseRangeQuery } from '~/services/analytics/range-query'
import { analyticsReportPdf } from '~/services/analytics/report-pdf.server'

/** The report of /admin/analytics for the same period, as a PDF download. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { input } = parseRangeQuery(new URL(request.url).searchParams)
  const now = new Date()
  const analytics = await loadAdminAnalytics(input, now)
  const pdf = await analyticsReportPdf(analytics, now)
  const { from, to } = analytics.period
  return downloadResponse(Buffer.from(pdf), `megilance-analytics-${from}-to-${to}.pdf`, 'pdf')
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { FraudAlertFilterSchema } from '~/domain/fraud-alert-filters'
import { requireRole } from '~/http/auth.server'
import { readQuery } from '~/http/query.server'
import { fraudAlertsCsv } from '~/services/fraud/desk-views.server'

/** The fraud desk's list with the same filters, every matching row, as a CSV download. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const csv = await fraudAlertsCsv(readQuery(request, FraudAlertFilterSchema))
  const day = new Date().toISOString().slice(0, 10)
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="megilance-fraud-alerts-${day}.csv"`,
      'cache-control': 'private, no-store',
    },
  })
}

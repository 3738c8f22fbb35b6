import type { LoaderFunctionArgs } from '@remix-run/node'
import { ChurnFilterSchema } from '~/domain/churn-filters'
import { requireRole } from '~/http/auth.server'
import { readQuery } from '~/http/query.server'
import { churnCsv } from '~/services/ai/churn.server'

/** The churn list with the same filters, every matching row, as a CSV download. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const csv = await churnCsv(readQuery(request, ChurnFilterSchema))
  const day = new Date().toISOString().slice(0, 10)
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="megilance-churn-risk-${day}.csv"`,
      'cache-control': 'private, no-store',
    },
  })
}

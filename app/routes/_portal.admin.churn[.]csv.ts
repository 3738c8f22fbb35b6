import type { LoaderFunctionArgs } from '@remix-run/node'
import { ChurnFilterSchema } from '~/domain/churn-filters'
import { datedCsvFilename, downloadResponse } from '~/http/download.server'
import { readAdminQuery } from '~/http/query.server'
import { churnCsv } from '~/services/ai/churn.server'

/** The churn list with the same filters, every matching row, as a CSV download. */
export async function loader({ request }: LoaderFunctionArgs) {
  const csv = await churnCsv(await readAdminQuery(request, ChurnFilterSchema))
  return downloadResponse(csv, datedCsvFilename('churn-risk'))
}

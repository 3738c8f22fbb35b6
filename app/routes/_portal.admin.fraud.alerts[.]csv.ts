import type { LoaderFunctionArgs } from '@remix-run/node'
import { FraudAlertFilterSchema } from '~/domain/fraud-alert-filters'
import { datedCsvFilename, downloadResponse } from '~/http/download.server'
import { readAdminQuery } from '~/http/query.server'
import { fraudAlertsCsv } from '~/services/fraud/desk-views.server'

/** The fraud desk's list with the same filters, every matching row, as a CSV download. */
export async function loader({ request }: LoaderFunctionArgs) {
  const csv = await fraudAlertsCsv(await readAdminQuery(request, FraudAlertFilterSchema))
  return downloadResponse(csv, datedCsvFilename('fraud-alerts'))
}

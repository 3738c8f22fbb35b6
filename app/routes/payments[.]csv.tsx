import type { LoaderFunctionArgs } from '@remix-run/node'
import { parsePaymentHistorySearch } from '~/domain/payment-history-search'
import { paymentHistoryCsv } from '~/services/payments/ledger/payment-history.server'
import { requireRole } from '~/http/auth.server'
import { datedCsvFilename, downloadResponse } from '~/http/download.server'

/** The payment history with the same filters as /payments, every matching row, as a CSV download. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  const search = parsePaymentHistorySearch(new URL(request.url).searchParams)
  return downloadResponse(await paymentHistoryCsv(user.id, search), datedCsvFilename('payments'))
}

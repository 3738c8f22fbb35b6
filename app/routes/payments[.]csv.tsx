import type { LoaderFunctionArgs } from '@remix-run/node'
import { parsePaymentHistorySearch } from '~/domain/payment-history-filters'
import { paymentHistoryCsv } from '~/services/payments/ledger/payment-history.server'
import { requireRole } from '~/http/auth.server'

/** The payment history with the same filters as /payments, every matching row, as a CSV download. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  const search = parsePaymentHistorySearch(new URL(request.url).searchParams)
  const csv = await paymentHistoryCsv(user.id, search)
  const day = new Date().toISOString().slice(0, 10)
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="megilance-payments-${day}.csv"`,
      'cache-control': 'private, no-store',
    },
  })
}

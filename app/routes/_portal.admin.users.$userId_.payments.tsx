import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useLoaderData } from '@remix-run/react'
import { PaymentHistoryView } from '~/components/payments/payment-history-view'
import { PageHeader } from '~/components/ui/page-header'
import { searchWithoutPage } from '~/domain/payment-history-filters'
import { parsePaymentHistorySearch } from '~/domain/payment-history-search'
import { requireRole } from '~/http/auth.server'
import { requireRecord } from '~/http/not-found.server'
import { findUserById } from '~/models/users.server'
import { loadPaymentHistory } from '~/services/payments/ledger/payment-history.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Payments of ${data?.user.name ?? 'a user'} · Admin · MegiLance` },
]

/** A client's or freelancer's payment history as they see it, for an admin answering them (read only). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const user = await requireRecord(params.userId, findUserById, 'No user has this id.')
  const search = parsePaymentHistorySearch(new URL(request.url).searchParams)
  return json({
    user: { id: user.id, name: user.name, email: user.email },
    history: { search, csvQuery: searchWithoutPage(search), ...(await loadPaymentHistory(user.id, search)) },
  })
}

export default function AdminUserPayments() {
  const { user, history } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title={`Payments of ${user.name}`} back={{ to: `/admin/users/${user.id}`, label: user.name }}>
        <p className="muted">
          {user.email}: every movement of their money as they see it on their Payments page (wallet entries, escrow of
          their contracts, card payments including declined ones, and payouts). {history.total.toLocaleString('en')}{' '}
          matching {history.total === 1 ? 'movement' : 'movements'}.
        </p>
      </PageHeader>
      <PaymentHistoryView path={`/admin/users/${user.id}/payments`} possessive="their" history={history} />
    </>
  )
}

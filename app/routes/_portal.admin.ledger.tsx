import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useLoaderData } from '@remix-run/react'
import { LedgerTransactionList } from '~/components/payments/ledger-transaction-list'
import { ACCOUNT_KIND_LABELS } from '~/services/payments/ledger/account-kinds'
import { loadLedgerHealth } from '~/services/payments/ledger/ledger-health.server'
import { requireRole } from '~/http/auth.server'
import { formatMoney } from '~/utils/format'
import { CardSection } from '~/components/ui/card-section'
import { DataTable, numeric } from '~/components/ui/data-table'
import { PageHeader } from '~/components/ui/page-header'

export const meta: MetaFunction = () => [{ title: 'Ledger health · Admin · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return json(await loadLedgerHealth())
}

export default function AdminLedgerHealth() {
  const { healthy, checks, currencySums, badTransactions, negatives, totals, latest, transactionCount } =
    useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Ledger health">
        <p className="muted">
          Every balance is the sum of its double-entry ledger entries; these checks run over all{' '}
          {transactionCount.toLocaleString('en')} {transactionCount === 1 ? 'transaction' : 'transactions'} each time
          the page loads.
        </p>
      </PageHeader>
      <section className="card" aria-labelledby="invariants-heading">
        <h2 id="invariants-heading">Invariants: {healthy ? 'all hold' : 'broken'}</h2>
        <DataTable caption="Ledger invariants" columns={['Invariant', 'Status', numeric('Broken')]}>
          {checks.map((check) => (
            <tr key={check.id} data-invariant={check.id}>
              <th scope="row">
                {check.label}
                <span className="cell-detail">{check.detail}</span>
              </th>
              <td>
                <span className={`badge ${check.ok ? 'badge--open' : 'badge--failed'}`}>
                  {check.ok ? 'OK' : 'Broken'}
                </span>
              </td>
              <td className="numeric">{check.broken}</td>
            </tr>
          ))}
        </DataTable>
        {currencySums.length || badTransactions.length || negatives.length ? (
          <div className="ledger-problems">
            <h3>What is broken</h3>
            <ul>
              {currencySums.map((row) => (
                <li key={row.currency}>
                  {row.currency} entries sum to {formatMoney(row.sumMinor, row.currency)}, not zero.
                </li>
              ))}
              {badTransactions.map((row) => (
                <li key={`${row.transactionId}-${row.currency}`}>
                  Transaction <code>{row.transactionId}</code> ({row.kind}) is off by{' '}
                  {formatMoney(row.sumMinor, row.currency)}.
                </li>
              ))}
              {negatives.map((row) => (
                <li key={row.accountId}>
                  {ACCOUNT_KIND_LABELS[row.kind]} account of {row.ownerLabel ?? row.ownerId} is at{' '}
                  {formatMoney(row.balanceMinor, row.currency)}.
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <CardSection id="totals-heading" title="Totals per account kind and currency">
        {totals.length ? (
          <DataTable
            caption="Balance of each account kind per currency"
            columns={['Account kind', numeric('Accounts'), numeric('Balance')]}
          >
            {totals.map((total) => (
              <tr key={`${total.kind}-${total.currency}`}>
                <td>
                  {total.label} <span className="muted">{total.currency}</span>
                </td>
                <td className="numeric">{total.accounts}</td>
                <td className="numeric">{formatMoney(total.balanceMinor, total.currency)}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="empty">No accounts yet.</p>
        )}
        <p className="muted">
          Clearing accounts are negative by design: they mirror money that came in from (or went out to) cards, crypto
          networks and banks.
        </p>
      </CardSection>
      <CardSection id="latest-heading" title="Latest transactions">
        <LedgerTransactionList transactions={latest} kindLabels={ACCOUNT_KIND_LABELS} />
      </CardSection>
    </>
  )
}

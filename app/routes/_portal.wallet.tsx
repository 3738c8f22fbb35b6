import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { CardSection } from '~/components/ui/card-section'
import { ApproximationNote, Stat } from '~/components/ui/stat'
import { balancesOf, listEntriesOf } from '~/models/ledger.server'
import { listPayoutMethodsOf } from '~/models/payouts.server'
import { requireRole } from '~/http/auth.server'
import { approximatorFor } from '~/http/approximations.server'
import { formatDateTime, formatMoney } from '~/utils/format'
import { DataTable, numeric } from '~/components/ui/data-table'

export const meta: MetaFunction = () => [{ title: 'Wallet · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  const [balances, entries, payoutMethods] = await Promise.all([
    balancesOf('wallet', user.id),
    listEntriesOf(user.id, ['wallet'], 100),
    user.role === 'freelancer' ? listPayoutMethodsOf(user.id) : Promise.resolve([]),
  ])
  const approx = await approximatorFor(
    request,
    balances.map((balance) => balance.currency),
  )
  return json({
    role: user.role,
    balances: balances.map((balance) => ({
      ...balance,
      approx: approx.of({ minor: balance.balanceMinor, currency: balance.currency }),
    })),
    approxNote: approx.note(),
    entries,
    hasPayoutMethod: payoutMethods.length > 0,
  })
}

export default function WalletPage() {
  const { role, balances, approxNote, entries, hasPayoutMethod } = useLoaderData<typeof loader>()
  const hasMoney = balances.some((balance) => balance.balanceMinor > 0)
  return (
    <>
      <header className="page-header page-header--with-action">
        <div>
          <h1>Wallet</h1>
          <p className="muted">
            {role === 'freelancer'
              ? 'Released milestone payments arrive here at once, already less the platform fee.'
              : 'Refunds from escrow arrive here; you can fund milestones from this balance.'}{' '}
            Every amount below is one entry in MegiLance’s double-entry ledger.
          </p>
        </div>
        {role === 'freelancer' ? (
          <Link
            to={hasPayoutMethod ? '/payouts' : '/payouts/methods'}
            className={`button ${hasMoney ? 'button--primary' : 'button--secondary'}`}
          >
            {hasPayoutMethod ? 'Request a payout' : 'Add a payout method'}
          </Link>
        ) : null}
      </header>
      {role === 'freelancer' ? (
        <p>
          {hasPayoutMethod ? (
            <>
              Money leaves your wallet by a payout to your bank or a crypto wallet: <Link to="/payouts">Payouts</Link> ·{' '}
              <Link to="/payouts/methods">Payout methods</Link>
            </>
          ) : (
            <>
              To move this money to your bank or a crypto wallet, first{' '}
              <Link to="/payouts/methods">add a payout method</Link>, then request a payout on{' '}
              <Link to="/payouts">Payouts</Link>.
            </>
          )}
        </p>
      ) : null}
      <section aria-label="Balances">
        <dl className="stats">
          {balances.length ? (
            balances.map((balance) => (
              <Stat
                key={balance.currency}
                label={`Balance in ${balance.currency}`}
                value={formatMoney(balance.balanceMinor, balance.currency)}
                approx={balance.approx}
              />
            ))
          ) : (
            <Stat label="Balance" value={formatMoney(0, 'USD')} />
          )}
        </dl>
        <ApproximationNote note={approxNote} />
      </section>
      <CardSection id="history-heading" title="History">
        {entries.length ? (
          <DataTable caption="Wallet history, newest first" columns={['When', 'What', numeric('Amount')]}>
            {entries.map((entry, index) => (
              <tr key={`${entry.transactionId}-${index}`}>
                <td>{formatDateTime(entry.createdAt)}</td>
                <td>
                  {entry.contractId ? (
                    <Link to={`/contracts/${entry.contractId}`}>{entry.description}</Link>
                  ) : (
                    entry.description
                  )}
                </td>
                <td className="numeric">
                  {entry.amountMinor > 0 ? '+' : '−'}
                  {formatMoney(Math.abs(entry.amountMinor), entry.currency)}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="empty">
            Nothing yet.{' '}
            {role === 'freelancer' ? (
              <>
                Approved milestones are paid here. <Link to="/projects">Find work</Link>
              </>
            ) : (
              <>
                Refunds arrive here. <Link to="/contracts">Your contracts</Link>
              </>
            )}
          </p>
        )}
      </CardSection>
    </>
  )
}

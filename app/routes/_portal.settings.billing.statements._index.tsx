import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { buildTaxStatement, statementYears } from '~/services/payments/tax/tax-statements.server'
import { requireRole } from '~/http/auth.server'
import { formatMoney } from '~/utils/format'
import { DataTable } from '~/components/ui/data-table'

export const meta: MetaFunction = () => [{ title: 'Tax statements · Billing & tax · Settings · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  const holder = { ...user, role: user.role as 'client' | 'freelancer' }
  const statements = await Promise.all((await statementYears(user.id)).map((year) => buildTaxStatement(holder, year)))
  return json({
    role: user.role,
    years: statements.map((statement) => ({
      year: statement.year,
      columns: statement.columns.map((column) => column.label),
      totals: statement.sections.map((section) => ({ currency: section.currency, values: section.totals })),
    })),
  })
}

/** Years with money on the account, each as a CSV and a PDF download (plain links: no script needed). */
export default function TaxStatements() {
  const { role, years } = useLoaderData<typeof loader>()
  return (
    <>
      <h2>Tax statements</h2>
      <p className="muted">
        {role === 'freelancer'
          ? 'Per month and currency: gross released to you, platform fees, the VAT/GST in those fees, net received and payouts.'
          : 'Per month and currency: what you paid into escrow, what came back to you, and the platform fees on your contracts with the VAT/GST in them.'}{' '}
        Amounts come from the ledger; months are in UTC.
      </p>
      {years.length ? (
        years.map(({ year, columns, totals }) => (
          <section key={year} className="billing-statements" aria-labelledby={`statement-${year}`}>
            <h3 id={`statement-${year}`}>{year}</h3>
            <p>
              <a href={`/settings/billing/statements/${year}.csv`} download>
                CSV statement {year}
              </a>
              {' · '}
              <a href={`/settings/billing/statements/${year}.pdf`} download>
                PDF statement {year}
              </a>
            </p>
            <DataTable caption={<>Totals for {year}</>} columns={['Currency', ...columns]}>
              {totals.map((row) => (
                <tr key={row.currency}>
                  <th scope="row">{row.currency}</th>
                  {row.values.map((value, index) => (
                    <td key={columns[index]}>{formatMoney(value, row.currency)}</td>
                  ))}
                </tr>
              ))}
            </DataTable>
          </section>
        ))
      ) : (
        <p>No money has moved on your account yet, so there is no statement.</p>
      )}
      <p className="billing-statements">
        <Link to="/settings/billing">Back to billing &amp; tax</Link>
      </p>
    </>
  )
}

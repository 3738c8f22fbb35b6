import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { statementYears } from '~/services/payments/tax-statements.server'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Tax statements · Billing & tax · Settings · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  return json({ role: user.role, years: await statementYears(user.id) })
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
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Statements by year</caption>
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col">Downloads</th>
              </tr>
            </thead>
            <tbody>
              {years.map((year) => (
                <tr key={year}>
                  <th scope="row">{year}</th>
                  <td>
                    <a href={`/settings/billing/statements/${year}.csv`} download>
                      CSV statement {year}
                    </a>
                    {' · '}
                    <a href={`/settings/billing/statements/${year}.pdf`} download>
                      PDF statement {year}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No money has moved on your account yet, so there is no statement.</p>
      )}
      <p>
        <Link to="/settings/billing">Back to billing &amp; tax</Link>
      </p>
    </>
  )
}

import { type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useLoaderData } from '@remix-run/react'
import { platformFeePercent } from '~/services/payments/ledger/escrow.server'
import { platformTaxCountry } from '~/services/payments/tax/tax-customer.server'
import { countriesWithoutSourceRate, listPublishedRates, TAX_SOURCE } from '~/services/payments/tax/tax-rates'
import { HelpPage } from '~/components/help/help-page'
import { DataTable } from '~/components/ui/data-table'

export const meta: MetaFunction = () => [
  { title: 'VAT and GST rates · Help centre · MegiLance' },
  {
    name: 'description',
    content: 'The VAT, GST and sales-tax rates included in MegiLance’s platform fee, by country, with their source.',
  },
]

export async function loader() {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' })
  return json({
    rates: listPublishedRates(),
    missing: countriesWithoutSourceRate(),
    source: TAX_SOURCE,
    feePercent: platformFeePercent(),
    platformCountry: names.of(platformTaxCountry()) ?? platformTaxCountry(),
  })
}

/** The published rate table: every country of the source, and plainly which countries it lacks. */
export default function TaxRatesPage() {
  const { rates, missing, source, feePercent, platformCountry } = useLoaderData<typeof loader>()
  return (
    <HelpPage
      title="VAT and GST rates"
      lead={
        <>
          The {feePercent}% platform fee includes the tax of the client’s billing country at these rates. The fee itself
          and what the freelancer receives never change.
        </>
      }
    >
      <section className="card">
        <h2>How the tax is worked out</h2>
        <ul>
          <li>
            The fee is split into MegiLance’s revenue and the tax in it: tax = fee × rate ÷ (1 + rate), rounded to the
            cent.
          </li>
          <li>
            EU businesses with a valid VAT ID in another EU country than MegiLance’s ({platformCountry}) pay no VAT on
            the fee: it is reverse charged, and they account for it themselves.
          </li>
          <li>Only national rates apply to fees. State and provincial rates are listed for reference.</li>
          <li>For a country the source has no rate for, no tax is added.</li>
        </ul>
        <p className="muted">
          Source: <a href={source.url}>{source.name}</a>, version {source.version}
          {source.date ? `, rates as of ${source.date}` : ''}. It lists {rates.length} countries and territories.
        </p>
      </section>
      <section className="card">
        <h2>Rates by country ({rates.length})</h2>
        <DataTable caption="Tax rates by country" columns={['Country', 'Tax', 'Rate', 'Regions']}>
          {rates.map((rate) => (
            <tr key={rate.countryCode}>
              <th scope="row">
                {rate.name}{' '}
                <span className="muted">
                  ({rate.countryCode}
                  {rate.eu ? ', EU' : ''})
                </span>
              </th>
              <td>{rate.type === 'none' ? 'No national tax' : rate.type}</td>
              <td>{rate.percent}%</td>
              <td>
                {rate.regions.length
                  ? rate.regions.map((region) => `${region.code} ${region.type} ${region.percent}%`).join(', ')
                  : '—'}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section className="card">
        <h2>No rate in the source ({missing.length})</h2>
        <p className="muted">No tax is added to the fee for clients in these countries and territories.</p>
        <p>{missing.map((country) => country.label).join(', ')}</p>
      </section>
    </HelpPage>
  )
}

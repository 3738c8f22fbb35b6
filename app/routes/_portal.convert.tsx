import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useLoaderData, useLocation } from '@remix-run/react'
import { CurrencyList, CurrencySearch, CurrencySelect } from '~/components/money/currency-select'
import { CardSection } from '~/components/ui/card-section'
import { ErrorList } from '~/components/ui/field'
import { PageHeader } from '~/components/ui/page-header'
import { SubmitButton } from '~/components/ui/submit-button'
import { listFavouriteCurrencies } from '~/models/currency-favourites.server'
import { buildConvertPage } from '~/services/payments/rates/convert-page.server'
import { setFavouriteCurrency } from '~/services/payments/rates/currency-favourites.server'
import { requireUser } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { formatMoney } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Convert currencies · MegiLance' }]

const FORM_ID = 'convert-form'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const page = await buildConvertPage(new URL(request.url).searchParams, await listFavouriteCurrencies(user.id))
  return json(page, { status: page.errors ? 400 : 200 })
}

/** Star or unstar a currency, then back to the same conversion and search. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readFormData(request)
  const star = formData.get('star')
  const unstar = formData.get('unstar')
  const code = typeof star === 'string' ? star : typeof unstar === 'string' ? unstar : null
  if (!code) throw new Response('Say which currency to star or unstar (star=CODE or unstar=CODE).', { status: 400 })
  const outcome = await setFavouriteCurrency(user.id, code, typeof star === 'string')
  const back = new URLSearchParams()
  for (const key of ['amount', 'from', 'to', 'q']) {
    const value = formData.get(key)
    if (typeof value === 'string' && (value !== '' || key === 'amount')) back.set(key, value)
  }
  if (!back.get('amount')) back.delete('amount')
  return redirectWithToast(`/convert${back.size ? `?${back}` : ''}`, {
    kind: outcome.ok ? 'success' : 'error',
    message: outcome.message,
  })
}

export default function ConvertPage() {
  const { values, errors, conversion, noRate, choices, matches, favourites } = useLoaderData<typeof loader>()
  const location = useLocation()
  const amountErrors = errors?.amount
  return (
    <>
      <PageHeader title="Convert currencies">
        <p className="muted">
          Over 150 currencies and seven cryptocurrencies. Fiat rates are the European Central Bank’s daily reference
          rates, crypto prices come from CoinGecko; without a connection the rates shipped with MegiLance are used, and
          each result says which and how old.
        </p>
      </PageHeader>

      {/* Remounted on every navigation so the fields show what the URL says. */}
      <Form
        id={FORM_ID}
        method="get"
        key={location.search}
        className="card form-stack convert-form"
        aria-label="Conversion"
      >
        <div className="field">
          <label htmlFor="amount">Amount</label>
          <input
            id="amount"
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={values.amount}
            aria-invalid={amountErrors?.length ? true : undefined}
            aria-describedby={amountErrors?.length ? 'amount-errors' : undefined}
          />
          <ErrorList id="amount-errors" errors={amountErrors} />
        </div>
        <div className="convert-form__pair">
          <CurrencySelect
            id="from"
            name="from"
            label="From"
            value={values.from}
            choices={choices}
            errors={errors?.from}
          />
          <CurrencySelect id="to" name="to" label="To" value={values.to} choices={choices} errors={errors?.to} />
        </div>
        <SubmitButton>Convert</SubmitButton>
      </Form>

      {conversion ? (
        <CardSection id="result-heading" title="Result" className="convert-result">
          <p className="convert-result__amounts">
            {formatMoney(conversion.amount.minor, conversion.amount.currency)} ={' '}
            <strong>{formatMoney(conversion.result.minor, conversion.result.currency)}</strong>
          </p>
          <p>
            1 {values.from} = {conversion.rate} {values.to} · 1 {values.to} = {conversion.inverseRate} {values.from}
          </p>
          <p className="muted">
            {conversion.source === 'identity' ? (
              'Same currency: nothing to convert.'
            ) : (
              <>
                Rate from <time dateTime={conversion.asOf}>{conversion.asOfText}</time> — {conversion.age}. Source:{' '}
                {conversion.sourceLabel}.
              </>
            )}
          </p>
        </CardSection>
      ) : null}
      {noRate ? (
        <p className="card form-alert" role="alert">
          {noRate}
        </p>
      ) : null}

      <CardSection id="currencies-heading" title="Currencies">
        <CurrencySearch form={FORM_ID} value={values.q} />
        {matches ? (
          matches.length ? (
            <>
              <p className="muted">
                {matches.length} {matches.length === 1 ? 'currency matches' : 'currencies match'} “{values.q}”; the From
                and To lists show only these, your favourites and what is selected.
              </p>
              <CurrencyList form={FORM_ID} label={`Currencies matching ${values.q}`} currencies={matches} />
            </>
          ) : (
            <p className="empty">
              No currency matches “{values.q}”. Try a code such as EUR, a name such as “peso” or a country.
            </p>
          )
        ) : null}
        <h3>Favourites</h3>
        {favourites.length ? (
          <CurrencyList
            form={FORM_ID}
            label="Your favourite currencies"
            currencies={favourites.map((currency) => ({ ...currency, favourite: true }))}
          />
        ) : (
          <p className="muted">
            None yet. Search for a currency and add it: favourites come first in every currency list.
          </p>
        )}
      </CardSection>
    </>
  )
}

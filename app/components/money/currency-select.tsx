import type { CurrencyInfo } from '~/domain/currencies'
import type { CurrencyChoices } from '~/services/payments/rates/currency-search'
import { ErrorList } from '~/components/ui/field'

const optionLabel = (currency: CurrencyInfo) => `${currency.code} — ${currency.name}`

function Options({ label, currencies }: { label: string; currencies: CurrencyInfo[] }) {
  if (!currencies.length) return null
  return (
    <optgroup label={label}>
      {currencies.map((currency) => (
        <option key={currency.code} value={currency.code}>
          {optionLabel(currency)}
        </option>
      ))}
    </optgroup>
  )
}

/**
 * A native select with Favourites, Fiat and Crypto groups. The lists come from the server
 * (narrowed by the currency search), so it works the same with or without JavaScript.
 */
export function CurrencySelect({
  id,
  name,
  label,
  value,
  choices,
  errors,
  form,
}: {
  id: string
  name: string
  label: string
  value: string
  choices: CurrencyChoices
  errors?: string[] | null
  form?: string
}) {
  const errorId = `${id}-errors`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        form={form}
        defaultValue={value}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
      >
        <Options label="Favourites" currencies={choices.favourites} />
        <Options label="Fiat" currencies={choices.fiat} />
        <Options label="Crypto" currencies={choices.crypto} />
      </select>
      <ErrorList id={errorId} errors={errors} />
    </div>
  )
}

/**
 * The search that narrows every currency select of a GET form (`form` is that form's id): a plain
 * field and button, so the server does the narrowing.
 */
export function CurrencySearch({ form, value }: { form: string; value: string }) {
  return (
    <div role="search" aria-label="Currency search" className="field currency-search">
      <label htmlFor="currency-search">Find a currency</label>
      <div className="currency-search__row">
        <input
          id="currency-search"
          type="search"
          name="q"
          form={form}
          defaultValue={value}
          placeholder="Code, name or country"
          aria-describedby="currency-search-hint"
        />
        <button type="submit" form={form} className="button button--secondary">
          Search
        </button>
      </div>
      <p id="currency-search-hint" className="field__hint">
        Narrows the From and To lists, e.g. “franc”, “japan” or “BTC”.
      </p>
    </div>
  )
}

/**
 * Star and unstar buttons. They submit `form` by POST (carrying what was typed there), so the page
 * comes back as it was, with the favourites changed.
 */
function FavouriteButton({ form, currency, favourite }: { form: string; currency: CurrencyInfo; favourite: boolean }) {
  return (
    <button
      type="submit"
      form={form}
      formMethod="post"
      name={favourite ? 'unstar' : 'star'}
      value={currency.code}
      className="button button--ghost"
    >
      <span aria-hidden="true">{favourite ? '★' : '☆'}</span>{' '}
      {favourite ? `Remove ${currency.code} from favourites` : `Add ${currency.code} to favourites`}
    </button>
  )
}

export function CurrencyList({
  form,
  currencies,
  label,
}: {
  form: string
  currencies: Array<CurrencyInfo & { favourite: boolean }>
  label: string
}) {
  return (
    <ul className="currency-list" aria-label={label}>
      {currencies.map((currency) => (
        <li key={currency.code}>
          <span>
            <strong>{currency.code}</strong> {currency.name}{' '}
            <span className="badge badge--plain">{currency.kind === 'crypto' ? 'Crypto' : 'Fiat'}</span>
          </span>
          <FavouriteButton form={form} currency={currency} favourite={currency.favourite} />
        </li>
      ))}
    </ul>
  )
}

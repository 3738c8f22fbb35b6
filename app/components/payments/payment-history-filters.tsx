import { Form, Link } from '@remix-run/react'
import { SelectFilter } from '~/components/ui/filters'
import { PAYMENT_STATUS_LABELS, PAYMENT_TYPES, type PaymentHistorySearch } from '~/domain/payment-history-filters'

/** The one GET form of the payment history: filters and search, usable without JavaScript. */
export function PaymentHistoryFilters({
  search,
  currencies,
  formKey,
  filtered,
}: {
  search: Partial<PaymentHistorySearch>
  currencies: string[]
  formKey: string
  filtered: boolean
}) {
  const currencyOptions =
    search.currency && !currencies.includes(search.currency) ? [...currencies, search.currency] : currencies
  return (
    // Keyed by the query so the fields show the new filters after a client-side navigation.
    <Form
      key={formKey}
      method="get"
      className="filters card security-filters"
      role="search"
      aria-label="Filter payments"
    >
      <div className="field">
        <label htmlFor="payments-q">Search descriptions</label>
        <input
          id="payments-q"
          name="q"
          type="search"
          defaultValue={search.q ?? ''}
          maxLength={100}
          autoComplete="off"
        />
      </div>
      <SelectFilter
        id="payments-type"
        name="type"
        label="Type"
        anyLabel="Any type"
        value={search.type}
        options={Object.entries(PAYMENT_TYPES)}
      />
      <SelectFilter
        id="payments-status"
        name="status"
        label="Status"
        anyLabel="Any status"
        value={search.status}
        options={Object.entries(PAYMENT_STATUS_LABELS)}
      />
      <SelectFilter
        id="payments-currency"
        name="currency"
        label="Currency"
        anyLabel="Any currency"
        value={search.currency}
        options={currencyOptions.map((code) => [code, code])}
      />
      <div className="field">
        <label htmlFor="payments-from">From (UTC)</label>
        <input id="payments-from" name="from" type="date" defaultValue={search.from ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="payments-to">To (UTC)</label>
        <input id="payments-to" name="to" type="date" defaultValue={search.to ?? ''} />
      </div>
      <div className="action-row security-filters__actions">
        <button type="submit" className="button button--primary">
          Filter
        </button>
        {filtered ? <Link to="/payments">Clear filters</Link> : null}
      </div>
    </Form>
  )
}

import { Form, Link } from '@remix-run/react'
import { PAYMENT_STATUS_LABELS, PAYMENT_TYPES, type PaymentHistorySearch } from '~/services/payments/payment-history-filters'

/** The one GET form of the payment history: filters and search, usable without JavaScript. */
export function PaymentHistoryFilters({ search, currencies, formKey, filtered }: { search: Partial<PaymentHistorySearch>; currencies: string[]; formKey: string; filtered: boolean }) {
  const currencyOptions = search.currency && !currencies.includes(search.currency) ? [...currencies, search.currency] : currencies
  return (
    // Keyed by the query so the fields show the new filters after a client-side navigation.
    <Form key={formKey} method="get" className="filters card security-filters" role="search" aria-label="Filter payments">
      <div className="field">
        <label htmlFor="payments-q">Search descriptions</label>
        <input id="payments-q" name="q" type="search" defaultValue={search.q ?? ''} maxLength={100} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="payments-type">Type</label>
        <select id="payments-type" name="type" defaultValue={search.type ?? ''}>
          <option value="">Any type</option>
          {Object.entries(PAYMENT_TYPES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="payments-status">Status</label>
        <select id="payments-status" name="status" defaultValue={search.status ?? ''}>
          <option value="">Any status</option>
          {Object.entries(PAYMENT_STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="payments-currency">Currency</label>
        <select id="payments-currency" name="currency" defaultValue={search.currency ?? ''}>
          <option value="">Any currency</option>
          {currencyOptions.map((currency) => (
            <option key={currency} value={currency}>
              {currency}
            </option>
          ))}
        </select>
      </div>
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

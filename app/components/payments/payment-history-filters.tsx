import { DateFilter, FilterForm, SearchFilter, SelectFilter } from '~/components/ui/filters'
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
    <FilterForm
      key={formKey}
      label="Filter payments"
      className="filters card security-filters"
      submit="Filter"
      clear={{ to: '/payments', shown: filtered }}
    >
      <SearchFilter
        id="payments-q"
        name="q"
        label="Search descriptions"
        value={search.q}
        maxLength={100}
        autoComplete="off"
      />
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
      <DateFilter id="payments-from" name="from" label="From (UTC)" value={search.from} />
      <DateFilter id="payments-to" name="to" label="To (UTC)" value={search.to} />
    </FilterForm>
  )
}

import { FilterForm } from '~/components/ui/filters'
import { PAYMENT_STATUS_LABELS, PAYMENT_TYPES, type PaymentHistorySearch } from '~/domain/payment-history-filters'

/** The one GET form of the payment history: filters and search, usable without JavaScript. */
export function PaymentHistoryFilters({
  search,
  currencies,
  formKey,
  filtered,
  clearTo,
}: {
  search: Partial<PaymentHistorySearch>
  currencies: string[]
  formKey: string
  filtered: boolean
  /** The unfiltered list ("Clear filters"). */
  clearTo: string
}) {
  const currencyOptions =
    search.currency && !currencies.includes(search.currency) ? [...currencies, search.currency] : currencies
  return (
    // Keyed by the query so the fields show the new filters after a client-side navigation.
    <FilterForm
      key={formKey}
      label="Filter payments"
      collapsible
      className="filters card security-filters"
      submit="Filter"
      clear={{ to: clearTo, shown: filtered }}
      idPrefix="payments"
      values={search}
      fields={[
        { kind: 'search', name: 'q', label: 'Search descriptions', maxLength: 100, autoComplete: 'off' },
        { kind: 'select', name: 'type', label: 'Type', anyLabel: 'Any type', options: PAYMENT_TYPES },
        { kind: 'select', name: 'status', label: 'Status', anyLabel: 'Any status', options: PAYMENT_STATUS_LABELS },
        {
          kind: 'select',
          name: 'currency',
          label: 'Currency',
          anyLabel: 'Any currency',
          options: currencyOptions.map((code) => [code, code] as const),
        },
        { kind: 'date', name: 'from', label: 'From (UTC)' },
        { kind: 'date', name: 'to', label: 'To (UTC)' },
      ]}
    />
  )
}

import { FilterForm } from '~/components/ui/filters'
import type { FraudAlertFilter } from '~/domain/fraud-alert-filters'
import {
  FRAUD_ALERT_STATUS_LABELS,
  FRAUD_ALERT_STATUSES,
  FRAUD_ALERT_TYPE_LABELS,
  FRAUD_ALERT_TYPES,
  FRAUD_SEVERITIES,
} from '~/domain/fraud-alerts'

const TYPE_OPTIONS = FRAUD_ALERT_TYPES.map((type) => [type, FRAUD_ALERT_TYPE_LABELS[type]] as const)
const SEVERITY_OPTIONS = FRAUD_SEVERITIES.map(
  (severity) => [severity, severity[0]!.toUpperCase() + severity.slice(1)] as const,
)
const STATUS_OPTIONS = FRAUD_ALERT_STATUSES.map((status) => [status, FRAUD_ALERT_STATUS_LABELS[status]] as const)
const SORT_OPTIONS = [
  ['newest', 'Newest first'],
  ['oldest', 'Oldest first'],
  ['score', 'Highest score first'],
] as const

/** The fraud desk's GET filters: type, severity, status, score range, person, dates and sort. */
export function AlertFilters({ filter }: { filter: Partial<FraudAlertFilter> }) {
  return (
    <FilterForm
      label="Filter alerts"
      collapsible
      submit="Filter"
      idPrefix="alert"
      values={filter}
      fields={[
        { kind: 'select', name: 'type', label: 'Type', anyLabel: 'Any type', options: TYPE_OPTIONS },
        { kind: 'select', name: 'severity', label: 'Severity', anyLabel: 'Any severity', options: SEVERITY_OPTIONS },
        { kind: 'select', name: 'status', label: 'Status', anyLabel: 'Any status', options: STATUS_OPTIONS },
        { kind: 'number', name: 'minScore', id: 'alert-min', label: 'Score from', min: 0, max: 100 },
        { kind: 'number', name: 'maxScore', id: 'alert-max', label: 'Score to', min: 0, max: 100 },
        { kind: 'search', name: 'person', label: 'Person (name or email)' },
        { kind: 'date', name: 'from', label: 'Raised from' },
        { kind: 'date', name: 'to', label: 'Raised until' },
        { kind: 'select', name: 'sort', label: 'Sort', options: SORT_OPTIONS },
      ]}
    />
  )
}

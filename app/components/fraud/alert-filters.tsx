import { FilterForm, SearchFilter, SelectFilter } from '~/components/ui/filters'
import type { FraudAlertFilter } from '~/domain/fraud-alert-filters'
import {
  FRAUD_ALERT_STATUS_LABELS,
  FRAUD_ALERT_STATUSES,
  FRAUD_ALERT_TYPE_LABELS,
  FRAUD_ALERT_TYPES,
  FRAUD_SEVERITIES,
} from '~/domain/fraud-alerts'

function NumberFilter({ id, name, label, value }: { id: string; name: string; label: string; value?: number }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="number" min={0} max={100} defaultValue={value ?? ''} />
    </div>
  )
}

function DayFilter({ id, name, label, value }: { id: string; name: string; label: string; value?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="date" defaultValue={value ?? ''} />
    </div>
  )
}

/** The fraud desk's GET filters: type, severity, status, score range, person, dates and sort. */
export function AlertFilters({ filter }: { filter: Partial<FraudAlertFilter> }) {
  return (
    <FilterForm label="Filter alerts" submit="Filter">
      <SelectFilter
        id="alert-type"
        name="type"
        label="Type"
        anyLabel="Any type"
        value={filter.type}
        options={FRAUD_ALERT_TYPES.map((type) => [type, FRAUD_ALERT_TYPE_LABELS[type]] as const)}
      />
      <SelectFilter
        id="alert-severity"
        name="severity"
        label="Severity"
        anyLabel="Any severity"
        value={filter.severity}
        options={FRAUD_SEVERITIES.map(
          (severity) => [severity, severity[0]!.toUpperCase() + severity.slice(1)] as const,
        )}
      />
      <SelectFilter
        id="alert-status"
        name="status"
        label="Status"
        anyLabel="Any status"
        value={filter.status}
        options={FRAUD_ALERT_STATUSES.map((status) => [status, FRAUD_ALERT_STATUS_LABELS[status]] as const)}
      />
      <NumberFilter id="alert-min" name="minScore" label="Score from" value={filter.minScore} />
      <NumberFilter id="alert-max" name="maxScore" label="Score to" value={filter.maxScore} />
      <SearchFilter id="alert-person" name="person" label="Person (name or email)" value={filter.person} />
      <DayFilter id="alert-from" name="from" label="Raised from" value={filter.from} />
      <DayFilter id="alert-to" name="to" label="Raised until" value={filter.to} />
      <div className="field">
        <label htmlFor="alert-sort">Sort</label>
        <select id="alert-sort" name="sort" defaultValue={filter.sort}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
          <option value="score">Highest score first</option>
        </select>
      </div>
    </FilterForm>
  )
}

import { Form, Link, useLocation } from '@remix-run/react'
import type { InputHTMLAttributes, ReactNode } from 'react'

/** A select filter's choices: [value, label] pairs, or a map of value to label. */
type Choices = readonly (readonly [value: string, label: string])[] | Readonly<Record<string, string>>

function choiceList(choices: Choices): readonly (readonly [string, string])[] {
  return isPairs(choices) ? choices : Object.entries(choices)
}

function isPairs(choices: Choices): choices is readonly (readonly [string, string])[] {
  return Array.isArray(choices)
}

/**
 * One filter of a list page, declared as data: a free-text search, a day, a number, a choice
 * (with `anyLabel`, an "any" first option whose value is empty) or a tick box that sends `value`
 * when ticked. Its id is `${idPrefix}-${name}` unless `id` says otherwise.
 */
export type FilterField<Name extends string = string> = { name: Name; label: string; id?: string } & (
  | ({ kind: 'search' } & Pick<InputHTMLAttributes<HTMLInputElement>, 'autoComplete' | 'inputMode' | 'maxLength'>)
  | { kind: 'date' }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'select'; anyLabel?: string; options: Choices }
  | { kind: 'checkbox'; value: string }
)

/**
 * The GET search form above a list: its fields, then one submit button. Works without JavaScript.
 * The fields are `fields` (declared as data, each showing its value from `values`), then `children`.
 * With `clear`, a "Clear filters" link back to the unfiltered list follows the button while filters apply.
 * With `collapsible`, a long form folds into "<label> (N active)" on a phone, so the list shows at
 * once; wider screens always show the form (CSS only, so the same with and without JavaScript).
 */
export function FilterForm<Values extends object>({
  label,
  children,
  className = 'filters card',
  submit = 'Search',
  clear,
  idPrefix = 'filter',
  fields = [],
  values,
  collapsible = false,
}: {
  label: string
  children?: ReactNode
  className?: string
  submit?: string
  clear?: { to: string; shown: boolean }
  idPrefix?: string
  fields?: readonly FilterField<keyof Values & string>[]
  values?: Values
  collapsible?: boolean
}) {
  const { search } = useLocation()
  const button = (
    <button type="submit" className="button button--primary">
      {submit}
    </button>
  )
  const form = (
    <Form method="get" className={className} role="search" aria-label={label}>
      {fields.map((field) => (
        <FilterControl
          key={field.name}
          field={field}
          id={field.id ?? `${idPrefix}-${field.name}`}
          value={valueOf(values, field.name)}
        />
      ))}
      {children}
      {clear ? (
        <div className="action-row security-filters__actions">
          {button}
          {clear.shown ? <Link to={clear.to}>Clear filters</Link> : null}
        </div>
      ) : (
        button
      )}
    </Form>
  )
  if (!collapsible) return form
  const active = activeFilterCount(fields, values)
  // A new search folds it again (with JavaScript too), so the list shows right after "Filter".
  return (
    <details className="filter-disclosure" key={search}>
      <summary className="filter-disclosure__summary">
        {label}
        {active ? ` (${active} active)` : null}
      </summary>
      {form}
    </details>
  )
}

/**
 * How many filters narrow the list now: fields with a value that has an empty "any" state (a choice
 * without `anyLabel`, such as the sort order, always has a value and does not count).
 */
function activeFilterCount(fields: readonly FilterField[], values: object | undefined): number {
  return fields.filter((field) => {
    if (field.kind === 'select' && field.anyLabel === undefined) return false
    const value = valueOf(values, field.name)
    return field.kind === 'checkbox' ? value === field.value : value !== undefined && value !== ''
  }).length
}

/** A filter's current value as the form shows it; undefined when it is not set. */
function valueOf(values: object | undefined, name: string): string | undefined {
  const value: unknown = values ? (values as Record<string, unknown>)[name] : undefined
  return value === undefined || value === null ? undefined : String(value)
}

/** One filter: its label, then its control; a tick box sits inside its label, in a box as tall as a field's control. */
function FilterControl({ field, id, value }: { field: FilterField; id: string; value: string | undefined }) {
  if (field.kind === 'checkbox') {
    return (
      <label className="choice choice--inline filters__check">
        <input id={id} name={field.name} type="checkbox" value={field.value} defaultChecked={value === field.value} />
        <span>{field.label}</span>
      </label>
    )
  }
  return (
    <div className="field">
      <label htmlFor={id}>{field.label}</label>
      <FilterInput field={field} id={id} value={value} />
    </div>
  )
}

/**
 * A filter's control, showing its current value: a free-text search, a day (YYYY-MM-DD), a number,
 * or a choice ("any" first, the empty value, when `anyLabel` is given).
 */
function FilterInput({
  field,
  id,
  value,
}: {
  field: Exclude<FilterField, { kind: 'checkbox' }>
  id: string
  value: string | undefined
}) {
  const { name } = field
  switch (field.kind) {
    case 'search': {
      const { autoComplete, inputMode, maxLength } = field
      return (
        <input
          id={id}
          name={name}
          type="search"
          defaultValue={value ?? ''}
          autoComplete={autoComplete}
          inputMode={inputMode}
          maxLength={maxLength}
        />
      )
    }
    case 'date':
      return <input id={id} name={name} type="date" defaultValue={value ?? ''} />
    case 'number':
      return <input id={id} name={name} type="number" min={field.min} max={field.max} defaultValue={value ?? ''} />
    case 'select':
      return (
        <select id={id} name={name} defaultValue={field.anyLabel === undefined ? value : (value ?? '')}>
          {field.anyLabel === undefined ? null : <option value="">{field.anyLabel}</option>}
          {choiceList(field.options).map(([optionValue, optionLabel]) => (
            <option key={optionValue} value={optionValue}>
              {optionLabel}
            </option>
          ))}
        </select>
      )
  }
}

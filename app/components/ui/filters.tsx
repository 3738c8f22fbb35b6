import { Form, Link } from '@remix-run/react'
import type { InputHTMLAttributes, ReactNode } from 'react'
import { SubmitButton } from './submit-button'

/**
 * The GET search form above a list: its fields, then one submit button. Works without JavaScript.
 * With `clear`, a "Clear filters" link back to the unfiltered list follows the button while filters apply.
 */
export function FilterForm({
  label,
  children,
  className = 'filters card',
  submit = 'Search',
  clear,
}: {
  label: string
  children: ReactNode
  className?: string
  submit?: string
  clear?: { to: string; shown: boolean }
}) {
  const button = <SubmitButton>{submit}</SubmitButton>
  return (
    <Form method="get" className={className} role="search" aria-label={label}>
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
}

type FilterProps = { id: string; name: string; label: string; value?: string }

/** A free-text filter. */
export function SearchFilter({
  id,
  name,
  label,
  value,
  ...input
}: FilterProps & Pick<InputHTMLAttributes<HTMLInputElement>, 'autoComplete' | 'inputMode' | 'maxLength'>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="search" defaultValue={value ?? ''} {...input} />
    </div>
  )
}

/** A day filter (YYYY-MM-DD). */
export function DateFilter({ id, name, label, value }: FilterProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="date" defaultValue={value ?? ''} />
    </div>
  )
}

/** A choice filter: "any" first (the empty value), then the choices as [value, label]. */
export function SelectFilter({
  id,
  name,
  label,
  anyLabel,
  value,
  options,
}: FilterProps & { anyLabel: string; options: readonly (readonly [string, string])[] }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">{anyLabel}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  )
}

import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'

/** The GET search form above a list: its fields, then one submit button. Works without JavaScript. */
export function FilterForm({
  label,
  children,
  className = 'filters card',
  submit = 'Search',
}: {
  label: string
  children: ReactNode
  className?: string
  submit?: string
}) {
  return (
    <Form method="get" className={className} role="search" aria-label={label}>
      {children}
      <button type="submit" className="button button--primary">
        {submit}
      </button>
    </Form>
  )
}

/** A free-text filter. */
export function SearchFilter({ id, name, label, value }: { id: string; name: string; label: string; value?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="search" defaultValue={value ?? ''} />
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
}: {
  id: string
  name: string
  label: string
  anyLabel: string
  value?: string
  options: readonly (readonly [string, string])[]
}) {
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

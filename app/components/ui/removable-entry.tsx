import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'

/** A post form with intent "remove" naming one record, e.g. `{ name: 'entryId', value: id }`. */
export function RemoveForm({
  name,
  value,
  label,
  className = 'button button--secondary',
}: {
  name: string
  value: string
  /** The button's accessible name, e.g. "Remove 203.0.113.7". */
  label?: string
  className?: string
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="remove" />
      <input type="hidden" name={name} value={value} />
      <button type="submit" className={className} aria-label={label}>
        Remove
      </button>
    </Form>
  )
}

/** One saved entry of a settings list: what it is, when it was added, and a remove button when allowed. */
export function RemovableEntry({
  className,
  title,
  added,
  remove,
}: {
  className: string
  title: ReactNode
  added: ReactNode
  /** Left out while the user may not change the list (e.g. before confirming with a second factor). */
  remove?: { name: string; value: string; label: string }
}) {
  return (
    <li className={className}>
      <div>
        <p>{title}</p>
        <p className="cell-detail">Added {added}</p>
      </div>
      {remove ? <RemoveForm {...remove} /> : null}
    </li>
  )
}

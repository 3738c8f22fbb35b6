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

type Entry = {
  className: string
  title: ReactNode
  added: ReactNode
  /** Left out while the user may not change the list (e.g. before confirming with a second factor). */
  remove?: { name: string; value: string; label: string }
}

/** One saved entry of a settings list: what it is, when it was added, and a remove button when allowed. */
function RemovableEntry({ className, title, added, remove }: Entry) {
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

/**
 * A settings list of saved entries (addresses, payout methods), each shown by `entry`, named for
 * screen readers by `label`; `empty` is said instead when there are none.
 */
export function RemovableList<Item extends { id: string }>({
  label,
  items,
  empty,
  entry,
}: {
  label: string
  items: readonly Item[]
  empty: ReactNode
  entry: (item: Item) => Entry
}) {
  if (!items.length) return <p className="empty">{empty}</p>
  return (
    <ul className="list" aria-label={label}>
      {items.map((item) => (
        <RemovableEntry key={item.id} {...entry(item)} />
      ))}
    </ul>
  )
}

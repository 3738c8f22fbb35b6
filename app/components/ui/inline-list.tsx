import type { ReactNode } from 'react'

/** Items in a run of text with `separator` between them (", " or " · "), each drawn by `children`. */
export function InlineList<Item>({
  items,
  separator,
  keyOf,
  children,
}: {
  items: readonly Item[]
  separator: string
  keyOf: (item: Item) => string
  children: (item: Item) => ReactNode
}) {
  return items.map((item, index) => (
    <span key={keyOf(item)}>
      {index ? separator : ''}
      {children(item)}
    </span>
  ))
}

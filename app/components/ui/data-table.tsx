import type { ReactNode } from 'react'
import { Pagination } from './pagination'

/** A column heading; an object when the column carries a class (`hide-narrow`, `num`). */
export type Column = string | { label: string; className?: string }

/** A column of figures, aligned to the right like its cells (`className="numeric"`). */
export function numeric(label: string): Column {
  return { label, className: 'numeric' }
}

/**
 * The app's list table: a scrolling wrapper, a caption for screen readers, column headings, and
 * the rows the caller renders.
 */
export function DataTable({
  caption,
  columns,
  card = false,
  empty = null,
  pages,
  children,
}: {
  caption: ReactNode
  columns: Column[]
  /** Draw the table on a card (full-page admin lists). */
  card?: boolean
  /** Said under the headings when there are no rows; null when there are. */
  empty?: ReactNode
  /** Previous/next links under the table, for a list shown a page at a time. */
  pages?: { page: number; pageSize: number; total: number }
  children: ReactNode
}) {
  const table = (
    <div className={card ? 'table-wrap card' : 'table-wrap'}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const { label, className } = typeof column === 'string' ? { label: column, className: undefined } : column
              return (
                <th key={label} scope="col" className={className}>
                  {label}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {empty ? <p className="muted empty">{empty}</p> : null}
    </div>
  )
  if (!pages) return table
  return (
    <>
      {table}
      <Pagination {...pages} />
    </>
  )
}

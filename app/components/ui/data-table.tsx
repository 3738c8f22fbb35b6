import type { ReactNode } from 'react'
import { Pagination } from './pagination'

/** A column heading; an object when the column carries a class (`hide-narrow`, `num`). */
export type Column = string | { label: string; className?: string }

/** A column of figures, aligned to the right like its cells (`className="numeric"`). */
export function numeric(label: string): Column {
  return { label, className: 'numeric' }
}

/**
 * The app's table: a scrolling wrapper, a caption (for screen readers unless `captionShown`),
 * column headings, the rows the caller renders, and an optional foot row group.
 */
export function DataTable({
  caption,
  captionShown = false,
  columns,
  card = false,
  empty = null,
  pages,
  foot,
  children,
}: {
  caption: ReactNode
  /** Show the caption above the table too (a table that is the section's point, such as a breakdown). */
  captionShown?: boolean
  columns: Column[]
  /** Draw the table on a card (full-page admin lists). */
  card?: boolean
  /** Said under the headings when there are no rows; null when there are. */
  empty?: ReactNode
  /** Previous/next links under the table, for a list shown a page at a time. */
  pages?: { page: number; pageSize: number; total: number }
  /** The table's foot rows (totals). */
  foot?: ReactNode
  children: ReactNode
}) {
  const table = (
    <div className={card ? 'table-wrap card' : 'table-wrap'}>
      <table>
        <caption className={captionShown ? undefined : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => {
              const { label, className } = typeof column === 'string' ? { label: column, className: undefined } : column
              return (
                <th key={index} scope="col" className={className}>
                  {label}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {foot ? <tfoot>{foot}</tfoot> : null}
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

import { Children, cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react'
import { Pagination } from './pagination'

/** A column heading; an object when the column carries a class (`hide-narrow`, `num`). */
export type Column = string | { label: string; className?: string }

/** A column of figures, aligned to the right like its cells (`className="numeric"`). */
export function numeric(label: string): Column {
  return { label, className: 'numeric' }
}

/**
 * The app's table: a scrolling wrapper, a caption (for screen readers unless `captionShown`),
 * column headings, the rows the caller renders, and an optional foot row group. With `stackOnPhone`,
 * a phone shows each row as a block of labelled lines instead, so a last column of buttons is on
 * the screen rather than scrolled off to the side.
 */
export function DataTable({
  caption,
  captionShown = false,
  columns,
  card = false,
  empty = null,
  pages,
  foot,
  stackOnPhone = false,
  scrollable = false,
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
  /** On a phone, each row is a block whose cells are labelled with their column's heading. */
  stackOnPhone?: boolean
  /**
   * A table of figures only (no link or button inside) that may be wider than a phone: the wrapper
   * is a named region in the tab order, so a keyboard can scroll it sideways (WCAG 2.1.1).
   */
  scrollable?: boolean
  children: ReactNode
}) {
  const captionId = useId()
  const wrapClass = ['table-wrap', card ? 'card' : '', stackOnPhone ? 'table-wrap--stack' : '']
    .filter(Boolean)
    .join(' ')
  const table = (
    <div className={wrapClass} {...(scrollable ? { role: 'region', 'aria-labelledby': captionId, tabIndex: 0 } : {})}>
      <table>
        <caption id={scrollable ? captionId : undefined} className={captionShown ? undefined : 'visually-hidden'}>
          {caption}
        </caption>
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
        <tbody>{stackOnPhone ? labelCells(children, columns) : children}</tbody>
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

type Cell = ReactElement<{ 'data-label'?: string }>
type Row = ReactElement<{ children?: ReactNode }>

/** Each row's cells with their column's heading as `data-label`, which the stacked layout shows. */
function labelCells(rows: ReactNode, columns: Column[]): ReactNode {
  const labels = columns.map((column) => (typeof column === 'string' ? column : column.label))
  return Children.map(rows, (row) => {
    if (!isValidElement(row) || row.type !== 'tr') return row
    const cells = Children.toArray((row as Row).props.children).map((cell, index) =>
      isValidElement(cell) ? cloneElement(cell as Cell, { 'data-label': labels[index] }) : cell,
    )
    return cloneElement(row as Row, undefined, ...cells)
  })
}

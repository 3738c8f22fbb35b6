import type { ExportTable } from '~/services/analytics/exports'
import { formatMoney } from '~/utils/format'
import { DataTable } from '~/components/ui/data-table'

/** A top-5 (or any export) table with its CSV link. */
export function ExportTableView({
  table,
  currency,
  csvHref,
}: {
  table: ExportTable
  currency: string
  csvHref: string
}) {
  return (
    <section className="card" aria-labelledby={`${table.id}-heading`}>
      <h2 id={`${table.id}-heading`}>{table.title}</h2>
      <DataTable
        caption={table.title}
        stackOnPhone
        columns={table.columns.map((label, i) =>
          table.moneyColumns.includes(i) ? { label, className: 'numeric' } : label,
        )}
        empty={table.rows.length ? null : 'Nothing in this period.'}
      >
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) =>
              table.moneyColumns.includes(i) && typeof cell === 'number' ? (
                <td key={i} className="numeric">
                  {formatMoney(cell, currency)}
                </td>
              ) : (
                <td key={i}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </DataTable>
      <p>
        <a href={csvHref} download>
          Download CSV
        </a>
      </p>
    </section>
  )
}

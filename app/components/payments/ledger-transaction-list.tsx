import { Link } from '@remix-run/react'
import { formatDateTime, formatMoney } from '~/utils/format'
import { DataTable } from '~/components/ui/data-table'

type Entry = { kind: string; ownerId: string; ownerLabel: string | null; currency: string; amountMinor: number }
type Transaction = {
  id: string
  kind: string
  description: string
  contractId: string | null
  createdAt: string
  entries: Entry[]
}

const signed = (minor: number, currency: string) => `${minor < 0 ? '−' : '+'}${formatMoney(Math.abs(minor), currency)}`

/** Who an account belongs to, for admins: the user or contract by name, else the platform. */
function accountName(entry: Entry, kindLabels: Record<string, string>) {
  const kind = kindLabels[entry.kind] ?? entry.kind
  if (entry.kind === 'wallet')
    return entry.ownerLabel ? (
      <Link to={`/admin/users/${entry.ownerId}`}>Wallet of {entry.ownerLabel}</Link>
    ) : (
      `Wallet ${entry.ownerId}`
    )
  if (entry.kind === 'escrow')
    return entry.ownerLabel ? (
      <Link to={`/contracts/${entry.ownerId}`}>Escrow of “{entry.ownerLabel}”</Link>
    ) : (
      `Escrow ${entry.ownerId}`
    )
  return kind
}

/** Ledger transactions with every entry, newest first (admin view). */
export function LedgerTransactionList({
  transactions,
  kindLabels,
}: {
  transactions: Transaction[]
  kindLabels: Record<string, string>
}) {
  if (!transactions.length) return <p className="empty">No money has moved yet.</p>
  return (
    <DataTable
      caption="Latest ledger transactions with their entries, newest first"
      columns={['Transaction', 'Entries']}
      stackOnPhone
    >
      {transactions.map((transaction) => (
        <tr key={transaction.id}>
          <td>
            {transaction.description}
            <span className="cell-detail">
              {formatDateTime(transaction.createdAt)} · <code>{transaction.kind}</code> · {transaction.id.slice(0, 8)}
            </span>
          </td>
          <td>
            <ul className="ledger-entries">
              {transaction.entries.map((entry, index) => (
                <li key={index}>
                  <span>{accountName(entry, kindLabels)}</span>{' '}
                  <span className="numeric">{signed(entry.amountMinor, entry.currency)}</span>
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </DataTable>
  )
}

import { Link } from '@remix-run/react'

export type ActiveContractRow = { id: string; title: string; otherName: string; type: string }

export type NextStep = { to: string; label: string }

export function ActiveContracts({
  contracts,
  emptyText,
  emptyAction,
}: {
  contracts: ActiveContractRow[]
  emptyText: string
  emptyAction: NextStep
}) {
  return (
    <section className="card" aria-labelledby="active-contracts">
      <h2 id="active-contracts">Active contracts</h2>
      {contracts.length ? (
        <ul className="list">
          {contracts.map((contract) => (
            <li key={contract.id}>
              <Link to={`/contracts/${contract.id}`}>{contract.title}</Link>
              <span className="muted">
                {' '}
                · with {contract.otherName} · {contract.type === 'fixed' ? 'fixed price' : 'hourly'}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">
          {emptyText} <Link to={emptyAction.to}>{emptyAction.label}</Link>
        </p>
      )}
      <p>
        <Link to="/contracts">All contracts</Link>
      </p>
    </section>
  )
}

import { PlainLink } from '~/components/ui/plain-link'

export type ActiveContractRow = { id: string; title: string; otherName: string; type: string }

export type NextStep = { to: `/${string}`; label: string }

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
        <ul className="list list--lines">
          {contracts.map((contract) => (
            <li key={contract.id}>
              <PlainLink to={`/contracts/${contract.id}`}>{contract.title}</PlainLink>
              <span className="muted">
                {` · with ${contract.otherName} · ${contract.type === 'fixed' ? 'fixed price' : 'hourly'}`}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">
          {`${emptyText} `}
          <PlainLink to={emptyAction.to}>{emptyAction.label}</PlainLink>
        </p>
      )}
      <p>
        <PlainLink to="/contracts">All contracts</PlainLink>
      </p>
    </section>
  )
}

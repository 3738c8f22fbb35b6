/** A figure with its label (inside a `<dl className="stats">`), its detail as a second description. */
export function Stat({ label, value, detail }: { label: string; value: string | number; detail?: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd className="stat__value">{value}</dd>
      {detail ? <dd className="stat__detail">{detail}</dd> : null}
    </div>
  )
}

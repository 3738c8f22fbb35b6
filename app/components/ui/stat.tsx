export function Stat({ label, value, detail }: { label: string; value: string | number; detail?: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>
        <span className="stat__value">{value}</span>
        {detail ? <span className="stat__detail">{detail}</span> : null}
      </dd>
    </div>
  )
}

/** A published formula's factors (rank, matching), each with its weight and what it measures. */
export function FormulaFactors({
  label,
  factors,
}: {
  label: string
  factors: readonly { key: string; label: string; weight: number; explanation: string }[]
}) {
  return (
    <ol className="rank-factors" aria-label={label}>
      {factors.map((factor) => (
        <li key={factor.key}>
          <h3>
            {factor.label} <span className="muted">· up to {factor.weight} points</span>
          </h3>
          <p>{factor.explanation}</p>
        </li>
      ))}
    </ol>
  )
}

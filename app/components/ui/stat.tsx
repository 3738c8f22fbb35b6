import type { Approximate } from '~/services/payments/rates/approximate-amounts'

/**
 * A figure with its label (inside a `<dl className="stats">`), its detail as a second description.
 * `unit` ("/ hour") follows the figure in smaller type and never splits it; `words` marks a value
 * that is a phrase ("No reviews yet"), shown body-sized so it does not break like a figure; `date`
 * one that stays on one line ("28 Sept 2025"), sized to the card. `approx` is the figure in the
 * member's display currency ("≈ €1,234.56"), its rates in the title, right under the real one.
 */
export function Stat({
  label,
  value,
  unit,
  words = false,
  date = false,
  detail,
  approx,
}: {
  label: string
  value: string | number
  unit?: string
  words?: boolean
  date?: boolean
  detail?: string
  approx?: Approximate | null
}) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd className={words ? 'stat__value stat__value--text' : date ? 'stat__value stat__value--date' : 'stat__value'}>
        {unit ? (
          <>
            <span className="stat__figure">{value}</span> <span className="stat__unit">{unit}</span>
          </>
        ) : (
          value
        )}
      </dd>
      {approx ? (
        <dd className="stat__approx" title={approx.rates}>
          {approx.text}
        </dd>
      ) : null}
      {detail ? <dd className="stat__detail">{detail}</dd> : null}
    </div>
  )
}

/** Under a page's approximate figures: what "≈" means, at which rates, and where to change it. */
export function ApproximationNote({ note }: { note: string | null }) {
  return note ? <p className="muted approximation-note">{note}</p> : null
}

import { Form } from '@remix-run/react'
import { RANGE_LABELS, RANGE_PRESETS, type RangePreset } from '~/services/analytics/periods'

/** The one GET form for the period; the dates count only with "Custom dates". */
export function RangeForm({
  preset,
  from,
  to,
  errors,
}: {
  preset: RangePreset
  from: string
  to: string
  errors: string[]
}) {
  return (
    <Form method="get" className="filters" aria-label="Period">
      <div className="field">
        <label htmlFor="range-period">Period</label>
        <select id="range-period" name="range" defaultValue={preset}>
          {RANGE_PRESETS.map((value) => (
            <option key={value} value={value}>
              {RANGE_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="range-from">From</label>
        <input id="range-from" type="date" name="from" defaultValue={from} />
      </div>
      <div className="field">
        <label htmlFor="range-to">To</label>
        <input id="range-to" type="date" name="to" defaultValue={to} />
      </div>
      <button type="submit" className="button button--primary">
        Show
      </button>
      {errors.length ? (
        <p className="form-error" role="alert">
          {errors.map((error) => (/[.!?]$/.test(error) ? error : `${error}.`)).join(' ')} Showing the last 30 days.
        </p>
      ) : null}
    </Form>
  )
}

import { Form, useSearchParams } from '@remix-run/react'
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
  // A refused period shows the last 30 days, but the form keeps what was typed, to correct rather than retype.
  const [params] = useSearchParams()
  const typedRange = params.get('range')
  const shown = errors.length
    ? {
        preset: RANGE_PRESETS.find((value) => value === typedRange) ?? preset,
        from: params.get('from') ?? '',
        to: params.get('to') ?? '',
      }
    : { preset, from, to }
  return (
    // Keyed by what it shows: the fields' default values follow a period chosen without a page load (JS on).
    <Form method="get" className="filters" aria-label="Period" key={`${shown.preset} ${shown.from} ${shown.to}`}>
      <div className="field">
        <label htmlFor="range-period">Period</label>
        <select id="range-period" name="range" defaultValue={shown.preset}>
          {RANGE_PRESETS.map((value) => (
            <option key={value} value={value}>
              {RANGE_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="range-from">From</label>
        <input
          id="range-from"
          type="date"
          name="from"
          defaultValue={shown.from}
          aria-describedby={errors.length ? 'range-error' : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="range-to">To</label>
        <input
          id="range-to"
          type="date"
          name="to"
          defaultValue={shown.to}
          aria-describedby={errors.length ? 'range-error' : undefined}
        />
      </div>
      <button type="submit" className="button button--primary">
        Show
      </button>
      {errors.length ? (
        <p className="form-error" role="alert" id="range-error">
          {errors.map((error) => (/[.!?]$/.test(error) ? error : `${error}.`)).join(' ')} Showing the last 30 days.
        </p>
      ) : null}
    </Form>
  )
}

import {
  ROWS_PER_DAY,
  WEEKDAYS,
  fromField,
  toField,
  type AvailabilityFormValues,
} from '~/services/meetings/availability-form'

/**
 * The weekly hours as plain inputs: per weekday, a few from–to rows (empty rows are ignored), so
 * the form works without JavaScript.
 */
export function AvailabilityFields({
  values,
  errors,
}: {
  values: AvailabilityFormValues
  errors: Record<number, string> | undefined
}) {
  return (
    <>
      {WEEKDAYS.map(({ weekday, name }) => {
        const error = errors?.[weekday]
        const errorId = `availability-${weekday}-error`
        return (
          <fieldset key={weekday} className="field availability-day" aria-describedby={error ? errorId : undefined}>
            <legend>{name}</legend>
            {Array.from({ length: ROWS_PER_DAY }, (_, row) => {
              const typed = values.days[weekday]?.[row] ?? { from: '', to: '' }
              const id = `availability-${weekday}-${row}`
              return (
                <div key={row} className="field-row">
                  <div className="field">
                    <label htmlFor={`${id}-from`}>{`${name} from${row ? ` (${row + 1})` : ''}`}</label>
                    <input
                      id={`${id}-from`}
                      type="time"
                      name={fromField(weekday)}
                      defaultValue={typed.from}
                      aria-invalid={error ? true : undefined}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-to`}>{`${name} to${row ? ` (${row + 1})` : ''}`}</label>
                    <input
                      id={`${id}-to`}
                      type="time"
                      name={toField(weekday)}
                      defaultValue={typed.to}
                      aria-invalid={error ? true : undefined}
                    />
                  </div>
                </div>
              )
            })}
            {error ? (
              <ul id={errorId} className="field__errors">
                <li>{error}</li>
              </ul>
            ) : null}
          </fieldset>
        )
      })}
    </>
  )
}

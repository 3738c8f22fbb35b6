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
                  {(['from', 'to'] as const).map((end) => (
                    <TimeField
                      key={end}
                      id={`${id}-${end}`}
                      label={`${name} ${end}${row ? ` (${row + 1})` : ''}`}
                      name={end === 'from' ? fromField(weekday) : toField(weekday)}
                      value={typed[end]}
                      invalid={Boolean(error)}
                    />
                  ))}
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

/** One time of day of a free window, e.g. "Monday from". */
function TimeField({
  id,
  label,
  name,
  value,
  invalid,
}: {
  id: string
  label: string
  name: string
  value: string
  invalid: boolean
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="time" name={name} defaultValue={value} aria-invalid={invalid ? true : undefined} />
    </div>
  )
}

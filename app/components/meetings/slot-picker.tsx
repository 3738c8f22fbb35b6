import { ErrorList } from '~/components/ui/field'

export type SlotDay = { day: string; slots: { value: string; label: string }[] }

/** The free times as radio buttons, one group per day, in the viewer's time zone (named in the legend). */
export function SlotPicker({
  name,
  days,
  zone,
  selected,
  errors,
  errorId,
}: {
  name: string
  days: SlotDay[]
  zone: string
  selected: string | undefined
  errors: string[] | undefined
  errorId: string
}) {
  return (
    <fieldset className="field choice-group slot-picker" aria-describedby={errors?.length ? errorId : undefined}>
      <legend>Time (shown in {zone})</legend>
      {days.length ? null : <p className="muted">No time in the next 14 days suits you both.</p>}
      {days.map((day) => (
        <fieldset key={day.day} className="slot-picker__day">
          <legend>{day.day}</legend>
          {day.slots.map((slot) => (
            <label key={slot.value} className="choice choice--inline">
              <input type="radio" name={name} value={slot.value} defaultChecked={slot.value === selected} required />
              <span>{slot.label}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  )
}

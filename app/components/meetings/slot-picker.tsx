import { ErrorList } from '~/components/ui/field'

/** What the picker needs of conform's field: it draws its own radios. */
type SlotMeta = { name: string; initialValue?: unknown; errors?: string[]; errorId: string }

export type SlotDay = { day: string; slots: { value: string; label: string }[] }

/** The free times as radio buttons, one group per day, in the viewer's time zone (named in the legend). */
export function SlotPicker({ meta, days, zone }: { meta: SlotMeta; days: SlotDay[]; zone: string }) {
  const { name, errors, errorId } = meta
  const selected = typeof meta.initialValue === 'string' ? meta.initialValue : undefined
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

import { describe, expect, it } from 'vitest'
import { formValuesOf, fromField, parseAvailability, toField, typedAvailability } from './availability-form'
import { isTimeZone } from './time-zones'

function form(timeZone: string, rows: Record<number, [string, string][]>): FormData {
  const data = new FormData()
  data.set('timeZone', timeZone)
  for (const [weekday, windows] of Object.entries(rows))
    for (const [from, to] of windows) {
      data.append(fromField(Number(weekday)), from)
      data.append(toField(Number(weekday)), to)
    }
  return data
}

describe('availability form', () => {
  it('reads several windows a day, skips empty rows and takes 00:00 as an end to mean midnight', () => {
    const values = typedAvailability(
      form('Asia/Karachi', {
        1: [
          ['18:00', '22:00'],
          ['09:00', '11:30'],
          ['', ''],
        ],
        5: [['20:00', '00:00']],
      }),
    )
    expect(parseAvailability(values, isTimeZone)).toEqual({
      ok: true,
      timeZone: 'Asia/Karachi',
      windows: [
        { weekday: 1, startMinute: 540, endMinute: 690 },
        { weekday: 1, startMinute: 1080, endMinute: 1320 },
        { weekday: 5, startMinute: 1200, endMinute: 1440 },
      ],
    })
  })

  it('names the day that is wrong and keeps every row as typed', () => {
    const values = typedAvailability(
      form('Mars/Olympus', {
        2: [['17:00', '09:00']],
        3: [
          ['09:00', '12:00'],
          ['11:00', '13:00'],
        ],
        4: [['09:00', '']],
      }),
    )
    const parsed = parseAvailability(values, isTimeZone)
    expect(parsed).toEqual({
      ok: false,
      errors: {
        timeZone: 'Choose your time zone from the list',
        days: {
          2: 'Tuesday: 17:00–09:00 ends before it starts',
          3: 'Wednesday: the times overlap; join them into one',
          4: 'Thursday: give both a from and a to time (HH:MM)',
        },
      },
    })
    expect(values.days[3]?.[1]).toEqual({ from: '11:00', to: '13:00' })
  })

  it('shows saved windows back in the form, padded with empty rows', () => {
    const values = formValuesOf('UTC', [{ weekday: 0, startMinute: 60, endMinute: 1440 }])
    expect(values.days[0]).toEqual([
      { from: '01:00', to: '00:00' },
      { from: '', to: '' },
      { from: '', to: '' },
    ])
  })
})

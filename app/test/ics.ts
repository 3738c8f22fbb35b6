import ICAL from 'ical.js'

/**
 * A calendar file read back by a real iCalendar parser (ical.js), its time zones registered first
 * so every start is the instant a calendar app would show.
 */
export function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  const vevent = calendar.getFirstSubcomponent('vevent')
  if (!vevent) throw new Error('No VEVENT in the calendar file')
  const event = new ICAL.Event(vevent)
  const rrule = vevent.getFirstPropertyValue('rrule') as ICAL.Recur | null
  const starts: string[] = []
  const iterator = event.iterator()
  // A series without COUNT would never end: a year of weeks is more than any meeting here has.
  for (let next = iterator.next(); next && starts.length < 53; next = iterator.next())
    starts.push(next.toJSDate().toISOString())
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    start: event.startDate.toJSDate().toISOString(),
    timeZone: event.startDate.zone?.tzid ?? null,
    starts,
    rrule: rrule ? { freq: rrule.freq, interval: rrule.interval, count: rrule.count } : null,
  }
}

/** Who a calendar app reads as the organiser and the attendees: each address and display name. */
export function icsPeople(text: string) {
  const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')
  if (!vevent) throw new Error('No VEVENT in the calendar file')
  const person = (property: ICAL.Property) => ({
    address: String(property.getFirstValue()).toLowerCase(),
    name: property.getParameter('cn'),
  })
  const organizer = vevent.getFirstProperty('organizer')
  return {
    organizer: organizer ? person(organizer) : null,
    attendees: vevent.getAllProperties('attendee').map(person),
  }
}

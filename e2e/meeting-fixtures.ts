import './app-env'
import { saveAvailability } from '~/models/availability.server'
import { listOutbox } from '~/models/outbox.server'
import { runMeetingReminders } from '~/services/meetings/reminders.server'
import { userIdByEmail } from './db-fixtures'

export { parseIcs } from '~/test/ics'

/** Sets a person's weekly hours as the availability form would: the same window on every day of the week. */
export async function setDailyAvailability(email: string, timeZone: string, from: string, to: string) {
  const minute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
  await saveAvailability({
    userId: await userIdByEmail(email),
    timeZone,
    windows: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: minute(from), endMinute: minute(to) })),
    now: new Date(),
  })
}

/** Runs the reminder job once, with the clock at `now` (the app's own service, as the scheduler runs it). */
export async function runRemindersAt(now: Date) {
  return runMeetingReminders(now)
}

/** Emails to `to` whose subject starts with `prefix`, newest first, with their attachments. */
export async function outboxMessagesTo(to: string, prefix: string) {
  const { rows } = await listOutbox({ to, page: 1, pageSize: 100 })
  return rows.filter((row) => row.to === to && row.subject.startsWith(prefix))
}

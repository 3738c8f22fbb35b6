import { claimMeetingReminder, listScheduledMeetingsStarting } from '~/models/meetings.server'
import { MINUTE_MS } from '~/domain/durations'
import { remindMeeting } from './meeting-invitations.server'
import { occurrenceStarts, SERIES_LOOKBACK_MS } from './occurrences'

const REMINDER_LEAD_MS = 15 * MINUTE_MS

/**
 * Reminds both people of every occurrence starting within the next 15 minutes. The reminder row is
 * claimed before anything is sent: a second run (or a second server) finds it and sends nothing,
 * and a crash between the claim and the send loses that reminder rather than sending it twice.
 */
export async function runMeetingReminders(now = new Date()): Promise<{ reminded: number }> {
  const until = now.getTime() + REMINDER_LEAD_MS
  const meetings = await listScheduledMeetingsStarting(new Date(now.getTime() - SERIES_LOOKBACK_MS), new Date(until))
  let reminded = 0
  for (const meeting of meetings) {
    const due = occurrenceStarts(meeting).filter((start) => start.getTime() > now.getTime() && start.getTime() <= until)
    for (const start of due) {
      if (!(await claimMeetingReminder(meeting.id, start, now))) continue
      await remindMeeting(meeting, start)
      reminded++
    }
  }
  return { reminded }
}

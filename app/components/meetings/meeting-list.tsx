import { Link } from '@remix-run/react'
import { MeetingActions } from './meeting-actions'

export type MeetingRow = {
  id: string
  title: string
  otherName: string
  status: 'scheduled' | 'cancelled'
  durationMinutes: number
  when: string
  repeats: string
  upcoming: boolean
  canReschedule: boolean
  canCancel: boolean
}

/** Meetings as a list: title, with whom, when (in the viewer's zone), how often, and what can be done. */
export function MeetingList({ meetings, label, empty }: { meetings: MeetingRow[]; label: string; empty: string }) {
  if (!meetings.length) return <p className="muted">{empty}</p>
  return (
    <ul className="meeting-list" aria-label={label}>
      {meetings.map((meeting) => (
        <li key={meeting.id} className="card">
          <h3>
            <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>
            {meeting.status === 'cancelled' ? <span className="badge badge--stored"> Cancelled</span> : null}
          </h3>
          <p>
            With {meeting.otherName} · {meeting.upcoming ? 'next' : 'last'} {meeting.when} · {meeting.durationMinutes}{' '}
            minutes · {meeting.repeats}
          </p>
          <MeetingActions meeting={meeting} showDetailsLink />
        </li>
      ))}
    </ul>
  )
}

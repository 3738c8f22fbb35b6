import { Link } from '@remix-run/react'
import { SubmitButton } from '~/components/ui/submit-button'

/**
 * What can be done with a meeting: join its call (the calls area's `POST /calls/start`, a plain form
 * so it works without JavaScript until the room), move it, cancel it, and get its calendar file.
 */
export function MeetingActions({
  meeting,
  showDetailsLink,
}: {
  meeting: { id: string; title: string; upcoming: boolean; canReschedule: boolean; canCancel: boolean }
  showDetailsLink: boolean
}) {
  return (
    <div className="meeting-actions">
      {meeting.upcoming ? (
        <form method="post" action="/calls/start">
          <input type="hidden" name="meetingId" value={meeting.id} />
          <SubmitButton aria-label={`Join “${meeting.title}”`}>Join</SubmitButton>
        </form>
      ) : null}
      {showDetailsLink && meeting.canReschedule ? (
        <Link to={`/meetings/${meeting.id}`} aria-label={`Reschedule “${meeting.title}”`}>
          Reschedule
        </Link>
      ) : null}
      {meeting.canCancel ? (
        <Link to={`/meetings/${meeting.id}?confirm=cancel`} aria-label={`Cancel “${meeting.title}”`}>
          Cancel…
        </Link>
      ) : null}
      <a href={`/meetings/${meeting.id}.ics`} download aria-label={`Calendar file for “${meeting.title}”`}>
        Calendar file (.ics)
      </a>
    </div>
  )
}

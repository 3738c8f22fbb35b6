import { Form, Link } from '@remix-run/react'
import { CardSection } from '~/components/ui/card-section'
import { formatDateTime } from '~/utils/format'

/**
 * Shown instead of "Join" once a call has ended for good (past the minute in which coming back
 * reopens it): when it ended and what to do next, as plain forms and links.
 */
export function CallEndedNotice(props: {
  endedAt: string
  restart: 'join-newer' | 'start-new' | null
  asGuest: boolean
  conversationId: string
  subjectKind: 'contract' | 'proposal'
  subjectLink: string
  conversationLink: string
}) {
  return (
    <CardSection id="call-ended-heading" title="This call has ended">
      <p>
        It ended {formatDateTime(props.endedAt)}. {nextStepText(props)}
      </p>
      {props.restart ? (
        <Form method="post" action="/calls/start">
          <input type="hidden" name="conversationId" value={props.conversationId} />
          <button type="submit" className="button button--primary button--wrap">
            {props.restart === 'join-newer' ? 'Join the call going on now' : 'Start a new call with the same people'}
          </button>
        </Form>
      ) : null}
      {props.asGuest ? (
        <p>
          <Link to="/calls">Your calls</Link>
        </p>
      ) : (
        <p>
          <Link to={props.subjectLink}>Back to the {props.subjectKind}</Link> ·{' '}
          <Link to={props.conversationLink}>Messages</Link>
        </p>
      )}
    </CardSection>
  )
}

function nextStepText({ restart, asGuest }: { restart: 'join-newer' | 'start-new' | null; asGuest: boolean }) {
  if (restart === 'join-newer') return 'A newer call is going on in the same conversation.'
  if (restart === 'start-new')
    return 'To talk again, start a new one: the other side will see “Join the call” in your conversation.'
  if (asGuest) return 'Ask whoever invited you to start a new one and invite you again.'
  return 'This contract has ended, so no new call starts from it. You can still send messages.'
}

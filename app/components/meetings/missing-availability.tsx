import { Link } from '@remix-run/react'

/** Why no times can be offered yet: who still has to set their weekly hours. */
export function MissingAvailability({
  missing,
  otherName,
  conversationId,
}: {
  missing: { mine: boolean; theirs: boolean }
  otherName: string
  /** Where to ask them, when the page knows the conversation. */
  conversationId?: string
}) {
  return (
    <div className="callout card" role="status">
      {missing.mine ? (
        <p>
          Set <Link to="/settings/availability">your availability</Link> first: times are offered where your hours and{' '}
          {otherName}’s overlap.
        </p>
      ) : null}
      {missing.theirs ? (
        <p>
          {otherName} has not set their availability yet. Ask them to, in{' '}
          {conversationId ? <Link to={`/messages/${conversationId}`}>your messages</Link> : 'your messages'}.
        </p>
      ) : null}
    </div>
  )
}

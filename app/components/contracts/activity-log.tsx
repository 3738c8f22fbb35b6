import { formatDateTime } from '~/utils/format'

export type ActivityView = { id: string; detail: string; createdAt: string; actorName: string | null }

/** The contract's log, newest first: every transition, who made it and when. */
export function ActivityLog({ activity }: { activity: ActivityView[] }) {
  if (!activity.length) return <p className="muted">Nothing has happened on this contract yet.</p>
  return (
    <ol className="activity-log">
      {activity.map((line) => (
        <li key={line.id}>
          <time dateTime={line.createdAt} className="muted">
            {formatDateTime(line.createdAt)}
          </time>
          <span>{line.detail}</span>
        </li>
      ))}
    </ol>
  )
}

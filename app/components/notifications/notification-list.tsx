import { Link } from '@remix-run/react'
import { IntentButtonForm } from '~/components/ui/intent-button-form'

export type NotificationItem = {
  id: string
  kindLabel: string
  title: string
  body: string
  hasLink: boolean
  read: boolean
  createdAt: string
  /** When, on the reader's clock, as text. */
  createdAtText: string
}

/** The notification centre's list: each item says whether it is unread, opens its link, can be marked read. */
export function NotificationList({ notifications }: { notifications: NotificationItem[] }) {
  return (
    <ul className="list notification-list">
      {notifications.map((item) => (
        <li
          key={item.id}
          className={item.read ? 'notification' : 'notification notification--unread'}
          aria-label={`${item.read ? '' : 'Unread: '}${item.title}`}
        >
          <div className="notification__text">
            <p className="notification__title">
              {item.read ? null : <span className="badge badge--open">Unread</span>}{' '}
              {item.hasLink ? (
                <Link to={`/notifications/${item.id}/open`}>{item.title}</Link>
              ) : (
                <strong>{item.title}</strong>
              )}
            </p>
            {item.body ? <p className="notification__body">{item.body}</p> : null}
            <p className="muted notification__meta">
              {item.kindLabel} · <time dateTime={item.createdAt}>{item.createdAtText}</time>
            </p>
          </div>
          {item.read ? null : (
            <IntentButtonForm
              intent="mark-read"
              record={{ name: 'notificationId', value: item.id }}
              formClassName="notification__action"
              // A plain button (border and fill), quieter than the page's "Mark all as read"; its name starts with
              // the words it shows (WCAG 2.5.3), then says which notification.
              className="button"
              label={`Mark read: ${item.title}`}
            >
              Mark read
            </IntentButtonForm>
          )}
        </li>
      ))}
    </ul>
  )
}

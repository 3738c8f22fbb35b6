import { Link } from '@remix-run/react'
import type { SecurityLogEntry } from '~/services/security/security-log.server'
import { formatDateTime } from '~/utils/format'
import { RiskFactors } from './risk-factors'
import { SeverityBadge } from './severity-badge'

/**
 * Security events, newest first: what happened, how serious, when, from where and on what device.
 * With `showAccount` (admins) each entry names the account and links to it.
 */
export function SecurityEventList({
  entries,
  showAccount = false,
  empty,
}: {
  entries: SecurityLogEntry[]
  showAccount?: boolean
  empty: string
}) {
  if (!entries.length) return <p className="empty">{empty}</p>
  return (
    <ol className="list security-events" aria-label="Security events">
      {entries.map((entry) => (
        <li key={entry.id} className="security-event">
          <p className="security-event__title">
            <strong>{entry.label}</strong> <SeverityBadge severity={entry.severity} />
          </p>
          {showAccount ? (
            <p className="security-event__account">
              Account:{' '}
              {entry.account ? (
                <Link to={`/admin/users/${entry.account.id}`}>{entry.account.email}</Link>
              ) : (
                <span className="muted">no account matched</span>
              )}
            </p>
          ) : null}
          <dl className="security-event__facts">
            <div>
              <dt>When</dt>
              <dd>
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </dd>
            </div>
            <div>
              <dt>IP address</dt>
              <dd>{entry.ip ?? 'Unknown'}</dd>
            </div>
            <div>
              <dt>Approximate location</dt>
              <dd>{entry.location ?? 'Unknown'}</dd>
            </div>
            <div>
              <dt>Device</dt>
              <dd>{entry.device ?? 'Unknown'}</dd>
            </div>
          </dl>
          {entry.detail ? (
            <p className="security-event__detail">
              <span className="muted">Details:</span> {entry.detail}
            </p>
          ) : null}
          {entry.risk ? <RiskFactors risk={entry.risk} /> : null}
        </li>
      ))}
    </ol>
  )
}

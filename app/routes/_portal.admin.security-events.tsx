import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { SecurityEventList } from '~/components/security/security-event-list'
import { SEVERITY_LABELS } from '~/components/security/severity-badge'
import { Pagination } from '~/components/ui/pagination'
import { SECURITY_EVENT_KINDS } from '~/services/security/event-kinds'
import {
  filterFromSearch,
  SECURITY_LOG_PAGE_SIZE,
  searchSecurityLog,
  SecurityEventSearchSchema,
} from '~/services/security/security-log.server'
import { requireRole } from '~/http/auth.server'
import { readQuery } from '~/http/query.server'

export const meta: MetaFunction = () => [{ title: 'Security events · Admin · MegiLance' }]

const KIND_OPTIONS = Object.entries(SECURITY_EVENT_KINDS)
  .map(([value, { label }]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label))

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const search = readQuery(request, SecurityEventSearchSchema)
  const { entries, total } = await searchSecurityLog(filterFromSearch(search))
  return json({ search, entries, total, pageSize: SECURITY_LOG_PAGE_SIZE })
}

export default function AdminSecurityEvents() {
  const { search, entries, total, pageSize } = useLoaderData<typeof loader>()
  const location = useLocation()
  const filtered = location.search.replace(/^\?/, '').length > 0
  return (
    <>
      <header className="page-header">
        <h1>Security events</h1>
        <p className="muted">
          Sign-ins, refusals, second-factor and session changes on every account, newest first.{' '}
          {total.toLocaleString('en')} matching {total === 1 ? 'event' : 'events'}.
        </p>
      </header>
      {/* Keyed by the query so the fields show the new filters after a client-side navigation. */}
      <Form
        key={location.search}
        method="get"
        className="filters card security-filters"
        role="search"
        aria-label="Filter security events"
      >
        <div className="field">
          <label htmlFor="events-severity">Severity</label>
          <select id="events-severity" name="severity" defaultValue={search.severity ?? ''}>
            <option value="">Any severity</option>
            {Object.entries(SEVERITY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="events-kind">Event</label>
          <select id="events-kind" name="kind" defaultValue={search.kind ?? ''}>
            <option value="">Any event</option>
            {KIND_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="events-email">Account email</label>
          <input id="events-email" name="email" type="search" defaultValue={search.email ?? ''} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="events-match">Email match</label>
          <select id="events-match" name="match" defaultValue={search.match}>
            <option value="contains">Contains</option>
            <option value="exact">Exactly</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="events-ip">IP address</label>
          <input
            id="events-ip"
            name="ip"
            type="search"
            defaultValue={search.ip ?? ''}
            inputMode="decimal"
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="events-from">From (UTC)</label>
          <input id="events-from" name="from" type="date" defaultValue={search.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="events-to">To (UTC)</label>
          <input id="events-to" name="to" type="date" defaultValue={search.to ?? ''} />
        </div>
        <div className="action-row security-filters__actions">
          <button type="submit" className="button button--primary">
            Filter
          </button>
          {filtered ? <Link to="/admin/security-events">Clear filters</Link> : null}
        </div>
      </Form>
      <section className="card">
        <SecurityEventList
          entries={entries}
          showAccount
          empty={filtered ? 'No security events match these filters.' : 'No security events yet.'}
        />
      </section>
      <Pagination page={search.page} pageSize={pageSize} total={total} />
    </>
  )
}

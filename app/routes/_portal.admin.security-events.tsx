import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData, useLocation } from '@remix-run/react'
import { SecurityEventList } from '~/components/security/security-event-list'
import { SEVERITY_LABELS } from '~/components/security/severity-badge'
import { DateFilter, FilterForm, SearchFilter, SelectFilter } from '~/components/ui/filters'
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
  .map(([value, { label }]) => [value, label] as const)
  .sort((a, b) => a[1].localeCompare(b[1]))

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
      <FilterForm
        key={location.search}
        label="Filter security events"
        className="filters card security-filters"
        submit="Filter"
        clear={{ to: '/admin/security-events', shown: filtered }}
      >
        <SelectFilter
          id="events-severity"
          name="severity"
          label="Severity"
          anyLabel="Any severity"
          value={search.severity}
          options={Object.entries(SEVERITY_LABELS)}
        />
        <SelectFilter
          id="events-kind"
          name="kind"
          label="Event"
          anyLabel="Any event"
          value={search.kind}
          options={KIND_OPTIONS}
        />
        <SearchFilter id="events-email" name="email" label="Account email" value={search.email} autoComplete="off" />
        <div className="field">
          <label htmlFor="events-match">Email match</label>
          <select id="events-match" name="match" defaultValue={search.match}>
            <option value="contains">Contains</option>
            <option value="exact">Exactly</option>
          </select>
        </div>
        <SearchFilter
          id="events-ip"
          name="ip"
          label="IP address"
          value={search.ip}
          inputMode="decimal"
          autoComplete="off"
        />
        <DateFilter id="events-from" name="from" label="From (UTC)" value={search.from} />
        <DateFilter id="events-to" name="to" label="To (UTC)" value={search.to} />
      </FilterForm>
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

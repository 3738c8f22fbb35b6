import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useLoaderData, useLocation } from '@remix-run/react'
import { SecurityEventList } from '~/components/security/security-event-list'
import { SEVERITY_LABELS } from '~/components/security/severity-badge'
import { FilterForm } from '~/components/ui/filters'
import { PageHeader } from '~/components/ui/page-header'
import { Pagination } from '~/components/ui/pagination'
import { SECURITY_EVENT_KINDS } from '~/services/security/event-kinds'
import {
  filterFromSearch,
  SECURITY_LOG_PAGE_SIZE,
  searchSecurityLog,
  SecurityEventSearchSchema,
} from '~/services/security/security-log.server'
import { readAdminQuery } from '~/http/query.server'

export const meta: MetaFunction = () => [{ title: 'Security events · Admin · MegiLance' }]

const KIND_OPTIONS = Object.entries(SECURITY_EVENT_KINDS)
  .map(([value, { label }]) => [value, label] as const)
  .sort((a, b) => a[1].localeCompare(b[1]))
const MATCH_OPTIONS = { contains: 'Contains', exact: 'Exactly' }

export async function loader({ request }: LoaderFunctionArgs) {
  const search = await readAdminQuery(request, SecurityEventSearchSchema)
  const { entries, total } = await searchSecurityLog(filterFromSearch(search))
  return json({ search, entries, total, pageSize: SECURITY_LOG_PAGE_SIZE })
}

export default function AdminSecurityEvents() {
  const { search, entries, total, pageSize } = useLoaderData<typeof loader>()
  const location = useLocation()
  const filtered = location.search.replace(/^\?/, '').length > 0
  return (
    <>
      <PageHeader title="Security events">
        <p className="muted">
          Sign-ins, refusals, second-factor and session changes on every account, newest first.{' '}
          {total.toLocaleString('en')} matching {total === 1 ? 'event' : 'events'}.
        </p>
      </PageHeader>
      {/* Keyed by the query so the fields show the new filters after a client-side navigation. */}
      <FilterForm
        key={location.search}
        label="Filter security events"
        collapsible
        className="filters card security-filters"
        submit="Filter"
        clear={{ to: '/admin/security-events', shown: filtered }}
        idPrefix="events"
        values={search}
        fields={[
          { kind: 'select', name: 'severity', label: 'Severity', anyLabel: 'Any severity', options: SEVERITY_LABELS },
          { kind: 'select', name: 'kind', label: 'Event', anyLabel: 'Any event', options: KIND_OPTIONS },
          { kind: 'search', name: 'email', label: 'Account email', autoComplete: 'off' },
          { kind: 'select', name: 'match', label: 'Email match', options: MATCH_OPTIONS },
          { kind: 'search', name: 'ip', label: 'IP address', inputMode: 'decimal', autoComplete: 'off' },
          { kind: 'date', name: 'from', label: 'From (UTC)' },
          { kind: 'date', name: 'to', label: 'To (UTC)' },
        ]}
      />
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

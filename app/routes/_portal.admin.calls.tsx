import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { DataTable, numeric } from '~/components/ui/data-table'
import { FilterForm } from '~/components/ui/filters'
import { PageHeader } from '~/components/ui/page-header'
import { Stat } from '~/components/ui/stat'
import { CallMonitoringFilterSchema } from '~/domain/call-monitoring-filters'
import { readAdminQuery } from '~/http/query.server'
import { callMonitoringPage } from '~/services/video/call-monitoring.server'
import { formatCallDuration } from '~/utils/call-duration'
import { formatDateTime } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Calls · Admin · MegiLance' }]

// Here rather than beside the schema, so that the page's JavaScript does not carry zod.
const PERIOD_LABELS = { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days' } as const

export async function loader({ request }: LoaderFunctionArgs) {
  const filter = await readAdminQuery(request, CallMonitoringFilterSchema)
  return json({ filter, ...(await callMonitoringPage(filter)) })
}

type MonitoredCall = ReturnType<typeof useLoaderData<typeof loader>>['calls'][number]

function People({ people }: { people: MonitoredCall['people'] }) {
  if (people.length === 0) return <>Nobody connected</>
  return (
    <>
      {people.map((person, index) => (
        <span key={person.id}>
          {index ? ', ' : null}
          <Link to={`/admin/users/${person.id}`}>{person.name}</Link>
        </span>
      ))}
    </>
  )
}

function CallTitle({ call }: { call: MonitoredCall }) {
  return (
    <>
      {call.title}
      <span className="cell-detail">{call.contractId ? 'Contract call' : 'Proposal call'}</span>
    </>
  )
}

function Problems({ call }: { call: MonitoredCall }) {
  const notes = [
    call.neverConnected
      ? `${call.neverConnected} ${call.neverConnected === 1 ? 'browser' : 'browsers'} never connected`
      : null,
    call.recording === 'running' ? 'Recording now' : call.recording === 'kept' ? 'Recording kept' : null,
  ].filter(Boolean)
  return <>{notes.length ? notes.join(' · ') : '—'}</>
}

/** A call's row: while it goes on, how many browsers are connected now; in the period's list, a badge. */
function CallRow({ call, live }: { call: MonitoredCall; live: boolean }) {
  return (
    <tr>
      <td>
        <CallTitle call={call} />
        {!live && call.ongoing ? <span className="badge badge--open"> going on now</span> : null}
      </td>
      <td>{formatDateTime(call.startedAt)}</td>
      <td className="numeric">{formatCallDuration(call.durationMs)}</td>
      <td>
        {live ? `${call.connectedNow} · ` : null}
        <People people={call.people} />
      </td>
      <td>
        <Problems call={call} />
      </td>
    </tr>
  )
}

export default function AdminCalls() {
  const { filter, live, figures, recordings, calls, total, pageSize } = useLoaderData<typeof loader>()
  const period = PERIOD_LABELS[filter.period]
  const neverShare = figures.admitted ? Math.round((100 * figures.neverConnected) / figures.admitted) : 0
  return (
    <>
      <PageHeader title="Calls">
        <p className="muted">
          Who is in a call and how calls go. Admins see who connected and when, never the picture, the sound, the
          whiteboard or a recording: those stay with the call&apos;s participants.
        </p>
      </PageHeader>
      <FilterForm
        label="Period"
        submit="Show"
        idPrefix="calls"
        values={filter}
        fields={[{ kind: 'select', name: 'period', label: 'Period', options: PERIOD_LABELS }]}
      />
      <dl className="stats">
        <Stat label="Going on now" value={live.length} />
        <Stat label={`Calls, ${period.toLowerCase()}`} value={figures.started} />
        <Stat
          label="Time in calls"
          value={formatCallDuration(figures.totalMs)}
          detail={
            figures.medianMs === null ? 'No ended call yet' : `Median call ${formatCallDuration(figures.medianMs)}`
          }
        />
        <Stat
          label="Browsers that never connected"
          value={`${neverShare}%`}
          detail={`${figures.neverConnected} of ${figures.admitted} admitted; a firewall or device problem`}
        />
        <Stat label="Calls nobody else joined" value={figures.aloneCalls} />
        <Stat
          label="Recordings stored"
          value={recordings.count}
          detail={`${(recordings.bytes / 1_000_000).toFixed(1)} MB, each deleted 30 days after the call`}
        />
      </dl>
      <h2>Going on now</h2>
      <DataTable
        caption="Calls going on now"
        columns={['Call', 'Started', numeric('Running for'), 'Connected now', 'Notes']}
        card
        stackOnPhone
        empty={live.length === 0 ? 'No call is going on now.' : null}
      >
        {live.map((call) => (
          <CallRow key={call.id} call={call} live />
        ))}
      </DataTable>
      <h2>{period}</h2>
      <DataTable
        pages={{ page: filter.page, pageSize, total }}
        caption={`Calls started in the ${period.toLowerCase()}, newest first`}
        columns={['Call', 'Started', numeric('Duration'), 'Who connected', 'Notes']}
        card
        stackOnPhone
        empty={calls.length === 0 ? `No call started in the ${period.toLowerCase()}.` : null}
      >
        {calls.map((call) => (
          <CallRow key={call.id} call={call} live={false} />
        ))}
      </DataTable>
    </>
  )
}

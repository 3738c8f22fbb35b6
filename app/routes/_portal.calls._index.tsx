import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { formatCallDuration } from '~/utils/call-duration'
import { requireUser } from '~/http/auth.server'
import { listMyCalls } from '~/services/video/call-history.server'
import { formatDateTime } from '~/utils/format'
import { pick } from '~/utils/pick'
import { DataTable } from '~/components/ui/data-table'
import { PageHeader } from '~/components/ui/page-header'

export const meta: MetaFunction = () => [{ title: 'Calls · MegiLance' }]

/** The user's calls, newest first: their contracts' and proposals' calls and those they were invited to. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const calls = await listMyCalls(user.id)
  return json({
    calls: calls.map((call) => pick(call, ['id', 'title', 'ongoing', 'startedAt', 'durationMs'])),
  })
}

export default function Calls() {
  const { calls } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Calls">
        <p className="muted">Start a call from a contract or a conversation; each call is kept here with who joined.</p>
      </PageHeader>
      {calls.length ? (
        <DataTable caption="Your calls" columns={['Call', 'Started', 'Duration']}>
          {calls.map((call) => (
            <tr key={call.id}>
              <td>
                <Link to={`/calls/${call.id}`}>{call.title}</Link>
                {call.ongoing ? <span className="badge badge--open"> going on now</span> : null}
              </td>
              <td>{formatDateTime(call.startedAt)}</td>
              <td>{formatCallDuration(call.durationMs)}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="muted">No calls yet.</p>
      )}
    </>
  )
}

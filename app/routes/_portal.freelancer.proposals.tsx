import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { MyProposalsTable } from '~/components/proposals/proposal-tables'
import { PageHeader } from '~/components/ui/page-header'
import { listProposalsOfFreelancer } from '~/models/proposals.server'
import { requireRole } from '~/http/auth.server'
import { pick } from '~/utils/pick'

export const meta: MetaFunction = () => [{ title: 'Proposals · MegiLance' }]

/** What the table shows of each proposal. */
const PROPOSAL_FIELDS = [
  'id',
  'projectTitle',
  'bidType',
  'bidAmountMinor',
  'currency',
  'durationDays',
  'status',
  'viewedAt',
  'createdAt',
] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'freelancer')
  const rows = await listProposalsOfFreelancer(user.id)
  return json({
    rows: rows.map((row) => pick(row, PROPOSAL_FIELDS)),
  })
}

export default function MyProposalsPage() {
  const { rows } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Proposals">
        <p className="muted">Every proposal you sent, whether the client has opened it, and what they decided.</p>
      </PageHeader>
      <section className="card table-wrap" aria-label="My proposals">
        {rows.length ? (
          <MyProposalsTable rows={rows} />
        ) : (
          <p className="empty muted">
            No proposals yet. <Link to="/projects">Find work</Link> and send your first one.
          </p>
        )}
      </section>
    </>
  )
}

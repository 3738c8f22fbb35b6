import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { budgetLabel } from '~/components/project-summary'
import { requireRole } from '~/http/auth.server'
import { readQuery } from '~/http/query.server'
import {
  ClientProjectsQuerySchema,
  loadClientProjects,
  type ClientProjectsTab,
} from '~/services/marketplace/client-projects.server'
import { formatDate } from '~/utils/format'
import { DataTable } from '~/components/ui/data-table'
import { PageHeader } from '~/components/ui/page-header'
import { Pagination } from '~/components/ui/pagination'
import { TabLinks } from '~/components/ui/tab-links'

export const meta: MetaFunction = () => [{ title: 'Your projects · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  return json(await loadClientProjects(user.id, readQuery(request, ClientProjectsQuerySchema)))
}

const TAB_LABELS: Record<ClientProjectsTab, string> = { all: 'All', open: 'Open', closed: 'Closed' }

/** What an empty tab says (the all tab of a client with no project invites them to post one). */
const EMPTY_TAB: Record<Exclude<ClientProjectsTab, 'all'>, string> = {
  open: 'No open project. Closed ones are under Closed.',
  closed: 'No closed project yet.',
}

export default function ClientProjects() {
  const { projects, counts, status, page, pageSize, total } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Your projects">
        <p>
          <Link to="/projects/new" className="button button--primary">
            Post a project
          </Link>
        </p>
      </PageHeader>
      {counts.all ? (
        <TabLinks
          label="Your projects by status"
          tabs={(['all', 'open', 'closed'] as const).map((tab) => ({
            to: tab === 'all' ? '/client/projects' : `/client/projects?status=${tab}`,
            label: `${TAB_LABELS[tab]} (${counts[tab]})`,
            current: tab === status,
          }))}
        />
      ) : null}
      <DataTable
        caption={status === 'all' ? 'Your projects' : `Your ${status} projects`}
        columns={['Project', 'Status', 'Proposals', { label: 'Posted', className: 'hide-narrow' }]}
        card
        empty={
          projects.length === 0 ? (
            status === 'all' ? (
              <>
                You have not posted a project yet. <Link to="/projects/new">Post your first project</Link>.
              </>
            ) : (
              EMPTY_TAB[status]
            )
          ) : null
        }
      >
        {projects.map((project) => (
          <tr key={project.id}>
            <td>
              <Link to={`/projects/${project.id}`}>{project.title}</Link>
              <span className="cell-detail">
                {budgetLabel(project)}
                {project.visibility === 'invite_only' ? ' · invite only' : ''}
              </span>
            </td>
            <td>
              <span className={`badge badge--${project.status}`}>{project.status}</span>
              {project.hiddenAt ? (
                <>
                  {' '}
                  <span className="badge badge--hidden">Hidden</span>
                </>
              ) : null}
              {project.status === 'closed' ? (
                <span className="cell-detail">{project.closeReason === 'hired' ? 'Hired' : 'No hire'}</span>
              ) : null}
            </td>
            <td>
              {project.proposals ? (
                <Link
                  to={`/projects/${project.id}/proposals`}
                  aria-label={`${project.proposals} proposal${project.proposals === 1 ? '' : 's'} for ${project.title}`}
                >
                  {project.proposals}
                </Link>
              ) : (
                0
              )}
              {project.submitted ? <span className="cell-detail">{project.submitted} new</span> : null}
            </td>
            <td className="hide-narrow">{formatDate(project.createdAt)}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </>
  )
}

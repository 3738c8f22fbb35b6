import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { budgetLabel } from '~/components/project-summary'
import { listProjectsOfClientWithCounts } from '~/models/projects.server'
import { requireRole } from '~/http/auth.server'
import { formatDate } from '~/utils/format'
import { DataTable } from '~/components/ui/data-table'
import { PageHeader } from '~/components/ui/page-header'

export const meta: MetaFunction = () => [{ title: 'Your projects · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  return json({ projects: await listProjectsOfClientWithCounts(user.id) })
}

export default function ClientProjects() {
  const { projects } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Your projects">
        <p>
          <Link to="/projects/new" className="button button--primary">
            Post a project
          </Link>
        </p>
      </PageHeader>
      <DataTable
        caption="Your projects"
        columns={['Project', 'Status', 'Proposals', { label: 'Posted', className: 'hide-narrow' }]}
        card
        empty={
          projects.length === 0 ? (
            <>
              You have not posted a project yet. <Link to="/projects/new">Post your first project</Link>.
            </>
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
                  aria-label={`${project.proposals} proposals for ${project.title}`}
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
    </>
  )
}

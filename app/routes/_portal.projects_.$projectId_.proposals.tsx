import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ProjectProposalsTable } from '~/components/proposals/proposal-tables'
import { findProject, listProposalsOfProject } from '~/models/proposals.server'
import { requireUser } from '~/http/auth.server'
import { ProjectPageHeader } from '~/components/projects/project-page-header'

export const meta: MetaFunction = () => [{ title: 'Proposals · MegiLance' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const project = params.projectId ? await findProject(params.projectId) : undefined
  if (!project || (project.clientId !== user.id && user.role !== 'admin'))
    throw new Response('Not found', { status: 404 })
  const show = new URL(request.url).searchParams.get('show') === 'shortlisted' ? 'shortlisted' : 'all'
  const rows = await listProposalsOfProject(project.id, { shortlistedOnly: show === 'shortlisted' })
  return json({
    project: { id: project.id, title: project.title, status: project.status },
    show,
    rows: rows.map((row) => ({
      id: row.id,
      freelancerId: row.freelancerId,
      freelancerName: row.freelancerName,
      bidType: row.bidType,
      bidAmountMinor: row.bidAmountMinor,
      currency: row.currency,
      durationDays: row.durationDays,
      status: row.status,
      shortlisted: row.shortlistedAt !== null,
      viewed: row.viewedAt !== null,
      createdAt: row.createdAt.toISOString(),
    })),
  })
}

export default function ProjectProposalsPage() {
  const { project, show, rows } = useLoaderData<typeof loader>()
  const tab = (active: boolean) => `tabs__tab${active ? ' active' : ''}`
  return (
    <>
      <ProjectPageHeader project={project} title="Proposals">
        <p className="muted">
          {project.status === 'open'
            ? 'Open a proposal to read it; the freelancer sees that you did. Shortlist the ones you like, decline the others with a reason, and accept one to start the contract.'
            : 'This project is closed.'}
        </p>
      </ProjectPageHeader>
      <nav className="tabs" aria-label="Which proposals">
        <Link to="?show=all" className={tab(show === 'all')} aria-current={show === 'all' ? 'page' : undefined}>
          All
        </Link>
        <Link
          to="?show=shortlisted"
          className={tab(show === 'shortlisted')}
          aria-current={show === 'shortlisted' ? 'page' : undefined}
        >
          Shortlisted
        </Link>
      </nav>
      <section
        className="card table-wrap"
        aria-label={show === 'shortlisted' ? 'Shortlisted proposals' : 'All proposals'}
      >
        {rows.length ? (
          <ProjectProposalsTable
            rows={rows}
            caption={show === 'shortlisted' ? 'Shortlisted proposals' : 'All proposals'}
          />
        ) : (
          <p className="empty muted">
            {show === 'shortlisted' ? (
              <>
                Nothing shortlisted yet. <Link to="?show=all">See all proposals</Link>
              </>
            ) : project.status === 'open' ? (
              <>
                No proposals yet. <Link to={`/projects/${project.id}/invite`}>Invite freelancers</Link>
              </>
            ) : (
              'No proposals yet.'
            )}
          </p>
        )}
      </section>
    </>
  )
}

import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { FilterForm } from '~/components/ui/filters'
import { ProjectProposalsTable } from '~/components/proposals/proposal-tables'
import { findProject, listProposalsOfProject } from '~/models/proposals.server'
import { requireUser } from '~/http/auth.server'
import { ProjectPageHeader } from '~/components/projects/project-page-header'
import { TabLinks } from '~/components/ui/tab-links'
import { templatedAmong } from '~/services/quality/letter-similarity.server'

export const meta: MetaFunction = () => [{ title: 'Proposals · MegiLance' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const project = params.projectId ? await findProject(params.projectId) : undefined
  if (!project || (project.clientId !== user.id && user.role !== 'admin'))
    throw new Response('Not found', { status: 404 })
  const query = new URL(request.url).searchParams
  const show = query.get('show') === 'shortlisted' ? 'shortlisted' : 'all'
  const hideTemplated = query.get('hide') === 'templated'
  const all = await listProposalsOfProject(project.id, { shortlistedOnly: show === 'shortlisted' })
  const templated = await templatedAmong(all.map((row) => row.id))
  const rows = hideTemplated ? all.filter((row) => !templated.has(row.id)) : all
  return json({
    project: { id: project.id, title: project.title, status: project.status },
    show,
    hideTemplated,
    hiddenCount: all.length - rows.length,
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
      templated: templated.has(row.id),
    })),
  })
}

export default function ProjectProposalsPage() {
  const { project, show, hideTemplated, hiddenCount, rows } = useLoaderData<typeof loader>()
  const hide = hideTemplated ? '&hide=templated' : ''
  return (
    <>
      <ProjectPageHeader project={project} title="Proposals">
        <p className="muted">
          {project.status === 'open'
            ? 'Open a proposal to read it; the freelancer sees that you did. Shortlist the ones you like, decline the others with a reason, and accept one to start the contract.'
            : 'This project is closed.'}
        </p>
      </ProjectPageHeader>
      <TabLinks
        label="Which proposals"
        tabs={[
          { to: `?show=all${hide}`, label: 'All', current: show === 'all' },
          { to: `?show=shortlisted${hide}`, label: 'Shortlisted', current: show === 'shortlisted' },
        ]}
      />
      <FilterForm
        label="Filter proposals"
        submit="Apply"
        values={{ hide: hideTemplated ? 'templated' : undefined }}
        fields={[
          {
            kind: 'checkbox',
            name: 'hide',
            value: 'templated',
            label: 'Hide letters similar to the freelancer’s other letters',
          },
        ]}
      >
        <input type="hidden" name="show" value={show} />
      </FilterForm>
      {hiddenCount ? (
        <p className="muted" role="status">
          {hiddenCount} {hiddenCount === 1 ? 'proposal' : 'proposals'} with a templated letter hidden.
        </p>
      ) : null}
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

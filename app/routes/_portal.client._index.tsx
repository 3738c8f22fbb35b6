import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ActiveContracts } from '~/components/dashboard/active-contracts'
import { MoneyStat } from '~/components/dashboard/money-stat'
import { ProjectSummary } from '~/components/project-summary'
import { Stat } from '~/components/ui/stat'
import { getClientDashboard } from '~/services/marketplace/dashboards.server'
import { requireRole } from '~/utils/auth.server'
import { formatDate } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Client dashboard · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  return json({ name: user.name, ...(await getClientDashboard(user.id)) })
}

export default function ClientDashboard() {
  const { name, counts, recent, company, work, proposalsToReview, activeContracts } = useLoaderData<typeof loader>()
  return (
    <>
      <header className="page-header">
        <h1>Dashboard</h1>
        <p className="muted">
          Welcome back, {name}
          {company ? ` · ${company}` : ''}.
        </p>
      </header>
      <dl className="stats">
        <Stat label="Open projects" value={counts.open} />
        <Stat label="Proposals to review" value={work.proposalsWaiting} detail={work.proposalsUnread ? `${work.proposalsUnread} not opened yet` : undefined} />
        <Stat label="Active contracts" value={work.activeContracts} />
        <MoneyStat label="In escrow" amounts={work.inEscrow} detail="Funded, waiting for your approval" />
        <MoneyStat label="Spent" amounts={work.paid} detail="Released to freelancers" />
      </dl>
      <section className="card" aria-labelledby="proposals-to-review">
        <h2 id="proposals-to-review">Proposals to review</h2>
        {proposalsToReview.length ? (
          <ul className="list">
            {proposalsToReview.map((proposal) => (
              <li key={proposal.id}>
                <Link to={`/proposals/${proposal.id}`}>
                  {proposal.freelancerName} on “{proposal.projectTitle}”
                </Link>
                <span className="muted">
                  {' '}
                  · {formatDate(Number(proposal.createdAt))}
                  {proposal.viewed ? '' : ' · new'}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No proposal is waiting for you.</p>
        )}
      </section>
      <ActiveContracts contracts={activeContracts} emptyText="No active contract. Accepting a proposal starts one." />
      <section className="card" aria-labelledby="recent-projects">
        <h2 id="recent-projects">Your latest projects</h2>
        {recent.length ? (
          <ul className="list">
            {recent.map((project) => (
              <li key={project.id}>
                <ProjectSummary project={project} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">
            You have not posted a project yet. Tell us your company name in <Link to="/settings">Settings</Link> so
            freelancers know who they will work with.
          </p>
        )}
      </section>
    </>
  )
}

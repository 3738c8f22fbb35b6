import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ActiveContracts } from '~/components/dashboard/active-contracts'
import { MoneyStat } from '~/components/dashboard/money-stat'
import { OnboardingChecklist } from '~/components/dashboard/onboarding-checklist'
import { ProjectSummary } from '~/components/project-summary'
import { Stat } from '~/components/ui/stat'
import { getClientDashboard } from '~/services/marketplace/dashboards.server'
import { requireRole } from '~/http/auth.server'
import { formatDate } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Client dashboard · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  return json({ name: user.name, ...(await getClientDashboard(user.id)) })
}

export default function ClientDashboard() {
  const { name, counts, recent, company, work, proposalsToReview, activeContracts, onboarding } =
    useLoaderData<typeof loader>()
  const hasProjects = counts.open + counts.closed > 0
  return (
    <>
      <header className="page-header page-header--with-action">
        <div>
          <h1>Dashboard</h1>
          <p className="muted">
            Welcome back, {name}
            {company ? ` · ${company}` : ''}.
          </p>
        </div>
        <Link to="/projects/new" className="button button--primary">
          Post a project
        </Link>
      </header>
      <OnboardingChecklist steps={onboarding} />
      <dl className="stats">
        <Stat label="Open projects" value={counts.open} />
        <Stat
          label="Proposals to review"
          value={work.proposalsWaiting}
          detail={work.proposalsUnread ? `${work.proposalsUnread} not opened yet` : undefined}
        />
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
        ) : hasProjects ? (
          <p className="muted">
            No proposal is waiting for you. Freelancers find open projects in search; you can also invite them from a
            project’s page. <Link to="/client/projects">Your projects</Link>
          </p>
        ) : (
          <p className="muted">
            Proposals arrive here once you post a project. <Link to="/projects/new">Post your first project</Link>
          </p>
        )}
      </section>
      <ActiveContracts
        contracts={activeContracts}
        emptyText="No active contract. Accepting a proposal starts one."
        emptyAction={
          proposalsToReview.length
            ? { to: `/proposals/${proposalsToReview[0]!.id}`, label: 'Review the newest proposal' }
            : { to: '/client/projects', label: 'Your projects' }
        }
      />
      <section className="card" aria-labelledby="recent-projects">
        <h2 id="recent-projects">Your latest projects</h2>
        {recent.length ? (
          <>
            <ul className="list">
              {recent.map((project) => (
                <li key={project.id}>
                  <ProjectSummary project={project} />
                </li>
              ))}
            </ul>
            <p>
              <Link to="/client/projects">All your projects</Link>
            </p>
          </>
        ) : (
          <p className="muted">
            You have not posted a project yet. <Link to="/projects/new">Post your first project</Link>
          </p>
        )}
      </section>
    </>
  )
}

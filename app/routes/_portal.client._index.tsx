import { type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useLoaderData } from '@remix-run/react'
import { KeptHtml } from '~/components/portal-shell'
import { ActiveContracts } from '~/components/dashboard/active-contracts'
import { MoneyStat } from '~/components/dashboard/money-stat'
import { OnboardingChecklist } from '~/components/dashboard/onboarding-checklist'
import { Greeting } from '~/components/dashboard/greeting'
import { ProjectSummaryList } from '~/components/project-summary'
import { PlainLink } from '~/components/ui/plain-link'
import { CardSection } from '~/components/ui/card-section'
import { ApproximationNote, Stat } from '~/components/ui/stat'
import { getClientDashboard } from '~/services/marketplace/dashboards.server'
import { requireRole, startedAtSignUp } from '~/http/auth.server'
import { approximatorFor } from '~/http/approximations.server'
import { formatDate } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Client dashboard · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const dashboard = await getClientDashboard(user.id)
  const { inEscrow, paid } = dashboard.work
  const approx = await approximatorFor(
    request,
    [...inEscrow, ...paid].map((amount) => amount.currency),
  )
  const together = (amounts: typeof paid) =>
    approx.of(...amounts.map((amount) => ({ minor: amount.amountMinor, currency: amount.currency })))
  return json({
    name: user.name,
    newcomer: await startedAtSignUp(request),
    ...dashboard,
    inEscrowApprox: together(inEscrow),
    paidApprox: together(paid),
    approxNote: approx.note(),
  })
}

/** The page as its data makes it: the server renders it once per set of data (KeptHtml). */
export default function ClientDashboard() {
  return (
    <KeptHtml>
      <ClientDashboardContent data={useLoaderData<typeof loader>()} />
    </KeptHtml>
  )
}

function ClientDashboardContent({ data }: { data: SerializeFrom<typeof loader> }) {
  const { name, counts, recent, company, work, proposalsToReview, activeContracts, onboarding } = data
  const hasProjects = counts.open + counts.closed > 0
  return (
    <>
      <header className="page-header page-header--with-action">
        <div>
          <h1>Dashboard</h1>
          <Greeting
            who={`${name}${company ? ` · ${company}` : ''}`}
            newcomer={data.newcomer}
            steps={onboarding}
            waiting={
              proposalsToReview[0]
                ? {
                    href: `/proposals/${proposalsToReview[0].id}`,
                    label: `Read ${proposalsToReview[0].freelancerName}’s proposal`,
                  }
                : null
            }
          />
        </div>
        <PlainLink to="/projects/new" className="button button--primary">
          Post a project
        </PlainLink>
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
        <MoneyStat
          label="In escrow"
          amounts={work.inEscrow}
          approx={data.inEscrowApprox}
          detail="Funded, waiting for your approval"
        />
        <MoneyStat label="Spent" amounts={work.paid} approx={data.paidApprox} detail="Released to freelancers" />
      </dl>
      <ApproximationNote note={data.approxNote} />
      <CardSection id="proposals-to-review" title="Proposals to review">
        {proposalsToReview.length ? (
          <ul className="list list--lines">
            {proposalsToReview.map((proposal) => (
              <li key={proposal.id}>
                <PlainLink to={`/proposals/${proposal.id}`}>
                  {`${proposal.freelancerName} on “${proposal.projectTitle}”`}
                </PlainLink>
                <span className="muted">
                  {` · ${formatDate(proposal.createdAt)}${proposal.viewed ? '' : ' · new'}`}
                </span>
              </li>
            ))}
          </ul>
        ) : hasProjects ? (
          <p className="muted">
            No proposal is waiting for you. Freelancers find open projects in search; you can also invite them from a
            project’s page. <PlainLink to="/client/projects">Your projects</PlainLink>
          </p>
        ) : (
          <p className="muted">
            Proposals arrive here once you post a project.{' '}
            <PlainLink to="/projects/new">Post your first project</PlainLink>
          </p>
        )}
      </CardSection>
      <ActiveContracts
        contracts={activeContracts}
        emptyText="No active contract. Accepting a proposal starts one."
        emptyAction={
          proposalsToReview.length
            ? { to: `/proposals/${proposalsToReview[0]!.id}`, label: 'Review the newest proposal' }
            : { to: '/client/projects', label: 'Your projects' }
        }
      />
      <CardSection id="recent-projects" title="Your latest projects">
        {recent.length ? (
          <ProjectSummaryList projects={recent} all={{ to: '/client/projects', label: 'All your projects' }} />
        ) : (
          <p className="muted">
            You have not posted a project yet. <PlainLink to="/projects/new">Post your first project</PlainLink>
          </p>
        )}
      </CardSection>
    </>
  )
}

import { type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useLoaderData } from '@remix-run/react'
import { KeptHtml } from '~/components/portal-shell'
import { SkillSuggestions } from '~/components/analytics/skill-suggestions'
import { ActiveContracts } from '~/components/dashboard/active-contracts'
import { MoneyStat } from '~/components/dashboard/money-stat'
import { OnboardingChecklist } from '~/components/dashboard/onboarding-checklist'
import { Greeting } from '~/components/dashboard/greeting'
import { ProjectSummaryList } from '~/components/project-summary'
import { PlainLink } from '~/components/ui/plain-link'
import { CardSection } from '~/components/ui/card-section'
import { ApproximationNote, Stat } from '~/components/ui/stat'
import { suggestSkills } from '~/services/analytics/market.server'
import { getFreelancerDashboard } from '~/services/marketplace/dashboards.server'
import { RecommendedProjects } from '~/components/matching/recommended-projects'
import { dashboardRecommendations } from '~/services/marketplace/dashboard-recommendations.server'
import { requireRole, startedAtSignUp } from '~/http/auth.server'
import { approximatorFor } from '~/http/approximations.server'
import { formatMoney } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Freelancer dashboard · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'freelancer')
  const [dashboard, recommended] = await Promise.all([
    getFreelancerDashboard(user.id),
    dashboardRecommendations(user.id),
  ])
  // The suggestions leave out the skills the profile lists, which the dashboard has just read.
  const { skills, ...profile } = dashboard.profile
  const skillSuggestions = await suggestSkills(skills)
  const approx = await approximatorFor(
    request,
    dashboard.work.earned.map((amount) => amount.currency),
  )
  const earnedApprox = approx.of(
    ...dashboard.work.earned.map((amount) => ({ minor: amount.amountMinor, currency: amount.currency })),
  )
  // The page says only whether the profile lists skills; their names stay on the server.
  return json({
    name: user.name,
    newcomer: await startedAtSignUp(request),
    ...dashboard,
    profile: { ...profile, hasSkills: skills.length > 0 },
    skillSuggestions,
    recommended,
    earnedApprox,
    approxNote: approx.note(),
  })
}

/** The page as its data makes it: the server renders it once per set of data (KeptHtml). */
export default function FreelancerDashboard() {
  return (
    <KeptHtml>
      <FreelancerDashboardContent data={useLoaderData<typeof loader>()} />
    </KeptHtml>
  )
}

function FreelancerDashboardContent({ data }: { data: SerializeFrom<typeof loader> }) {
  const { name, profile, completeness, matches, work, activeContracts, onboarding, skillSuggestions, recommended } =
    data
  return (
    <>
      <header className="page-header page-header--with-action">
        <div>
          <h1>Dashboard</h1>
          <Greeting who={name} newcomer={data.newcomer} steps={onboarding} />
        </div>
        <PlainLink to="/projects" className="button button--primary">
          Find work
        </PlainLink>
      </header>
      <OnboardingChecklist steps={onboarding} />
      <dl className="stats">
        <Stat label="Profile complete" value={`${completeness.percent}%`} />
        <Stat
          label="Hourly rate"
          value={profile.hourlyRateMinor ? formatMoney(profile.hourlyRateMinor, profile.currency) : 'Not set'}
        />
        <Stat label="Open projects for your skills" value={matches.total} />
        <Stat label="Active contracts" value={work.activeContracts} />
        <Stat
          label="Open proposals"
          value={work.proposalsOpen}
          detail={`${work.proposalsViewed} viewed by the client`}
        />
        <MoneyStat
          label="Earned"
          amounts={work.earned}
          approx={data.earnedApprox}
          detail="Released to your wallet, after the platform fee"
        />
      </dl>
      <ApproximationNote note={data.approxNote} />
      <ActiveContracts
        contracts={activeContracts}
        emptyText="No active contract yet. A contract starts when a client accepts your proposal."
        emptyAction={{ to: '/projects', label: 'Find work' }}
      />
      {completeness.missing.length ? (
        <CardSection id="profile-steps" title="Finish your profile">
          <p className="muted">Clients see complete profiles first. Still to do:</p>
          <ul className="checklist">
            {completeness.missing.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
          <p>
            <PlainLink to="/settings" className="button button--secondary">
              Edit profile
            </PlainLink>
          </p>
        </CardSection>
      ) : null}
      {recommended.length ? (
        <CardSection id="recommended-projects" title="Recommended for you">
          <RecommendedProjects projects={recommended} />
          <p>
            <PlainLink to="/freelancer/recommended">All recommended projects, with why each one fits</PlainLink>
          </p>
        </CardSection>
      ) : null}
      <SkillSuggestions skills={skillSuggestions} />
      <CardSection id="matching-projects" title="New projects that need your skills">
        {matches.rows.length ? (
          <ProjectSummaryList projects={matches.rows} all={{ to: '/projects', label: 'All open projects' }} />
        ) : profile.hasSkills ? (
          <p className="muted">
            No open project asks for your skills right now.{' '}
            <PlainLink to="/projects">Browse all open projects</PlainLink>
          </p>
        ) : (
          <p className="muted">
            Add skills to your profile to see projects that match them. <PlainLink to="/settings">Add skills</PlainLink>
          </p>
        )}
      </CardSection>
    </>
  )
}

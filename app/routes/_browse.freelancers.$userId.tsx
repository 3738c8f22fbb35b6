import { isbot } from 'isbot'
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { PortfolioGallery } from '~/components/profiles/portfolio'
import { ReviewSection } from '~/components/profiles/reviews'
import { CardSection } from '~/components/ui/card-section'
import { OffPlatformNotice } from '~/components/messaging/off-platform-notice'
import { PageHeader } from '~/components/ui/page-header'
import { Stat } from '~/components/ui/stat'
import { ReportLink } from '~/components/help/report-link'
import { InviteToProject } from '~/components/profiles/invite-to-project'
import { AVAILABILITY_LABELS } from '~/services/accounts/profile-fields'
import { loadFreelancerProfileFor } from '~/services/discovery/public-pages.server'
import { getOptionalSession, requireUser } from '~/http/auth.server'
import { siteOrigin } from '~/utils/env.server'
import { seoMeta } from '~/utils/seo-meta'
import { formatDate, formatMoney } from '~/utils/format'
import { answerDomainErrors } from '~/http/outcome-response.server'
import { recordProfileView } from '~/services/analytics/personal-analytics.server'

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  seoMeta(data && !data.membersOnly ? data.seo : undefined, 'Freelancer · MegiLance')

/** Anyone may read a profile, unless the freelancer keeps it to members: then a visitor signs in first. */
export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = (await getOptionalSession(request))?.user ?? null
  const page = await loadFreelancerProfileFor(params.userId, viewer, siteOrigin())
  // Only a visitor gets `membersOnly`, so this sends them to sign in and back here.
  if (page.membersOnly) await requireUser(request)
  // A person's visit counts towards the freelancer's profile views; a crawler's does not.
  else if (!isbot(request.headers.get('user-agent'))) await recordProfileView(page.user.id, viewer?.id ?? null)
  return json({ ...page, canReport: !page.membersOnly && Boolean(viewer && viewer.role !== 'admin' && !page.isOwn) })
})

const LEVELS = { entry: 'Entry level', intermediate: 'Intermediate', expert: 'Expert' } as const

export default function FreelancerProfilePage() {
  const data = useLoaderData<typeof loader>()
  if (data.membersOnly) return null
  const {
    user,
    profile,
    portfolio,
    reviewStats,
    reviews,
    contracts,
    rankScore,
    isOwn,
    signedIn,
    canReport,
    invitableProjects,
  } = data
  return (
    <>
      <PageHeader back={{ to: '/freelancers', label: 'Find talent' }} title={user.name}>
        {profile.headline ? <p className="lead">{profile.headline}</p> : null}
        {isOwn ? (
          <p className="muted">
            This is how others see your profile. <Link to="/settings">Edit profile</Link> ·{' '}
            <Link to="/settings/portfolio">Edit portfolio</Link>
          </p>
        ) : null}
        {canReport ? <ReportLink about={`/freelancers/${user.id}`} what={`${user.name}’s profile`} /> : null}
        {signedIn ? null : (
          <p>
            <Link to={`/sign-in?${new URLSearchParams({ redirectTo: `/freelancers/${user.id}` })}`}>
              Sign in as a client to invite {user.name} to a project
            </Link>
            , or{' '}
            <Link to={`/sign-up?${new URLSearchParams({ role: 'client', redirectTo: `/freelancers/${user.id}` })}`}>
              create a free client account
            </Link>
            .
          </p>
        )}
      </PageHeader>
      <dl className="stats">
        <Stat label="Rank" value={`${rankScore} / 100`} />
        {profile.hourlyRateMinor ? (
          <Stat label="Hourly rate" value={formatMoney(profile.hourlyRateMinor, profile.currency)} unit="/ hour" />
        ) : (
          <Stat label="Hourly rate" value="Not set" words />
        )}
        <Stat
          label="Rating"
          value={reviewStats.average !== null ? `${reviewStats.average.toFixed(1)} / 5` : 'No reviews yet'}
          words={reviewStats.average === null}
          detail={
            reviewStats.count ? `${reviewStats.count} ${reviewStats.count === 1 ? 'review' : 'reviews'}` : undefined
          }
        />
        <Stat label="Completed contracts" value={contracts.ended} />
        <Stat label="Member since" value={formatDate(user.createdAt)} date />
      </dl>
      <p>
        <Link to="/rank">How the rank is calculated</Link>
      </p>
      {invitableProjects ? <InviteToProject freelancer={user} projects={invitableProjects} /> : null}
      <CardSection id="about-heading" title="About">
        <OffPlatformNotice reasons={profile.offPlatformReasons} what="profile" own={isOwn} />
        {profile.bio ? <p className="profile-bio">{profile.bio}</p> : <p className="muted">No bio yet.</p>}
        <dl className="profile-facts">
          <div>
            <dt>Experience</dt>
            <dd>{LEVELS[profile.experienceLevel]}</dd>
          </div>
          <div>
            <dt>Availability</dt>
            <dd>{AVAILABILITY_LABELS[profile.availability]}</dd>
          </div>
          <div>
            <dt>Time zone</dt>
            <dd>{profile.timeZone ? profile.timeZone.replaceAll('_', ' ') : 'Not given'}</dd>
          </div>
          <div>
            <dt>Languages</dt>
            <dd>{profile.languages.length ? profile.languages.join(', ') : 'Not given'}</dd>
          </div>
          {profile.country ? (
            <div>
              <dt>Country</dt>
              <dd>{profile.country}</dd>
            </div>
          ) : null}
        </dl>
        <h3 id="skills-heading">Skills</h3>
        {profile.skills.length ? (
          <ul className="tags" aria-labelledby="skills-heading">
            {profile.skills.map((skill) => (
              <li key={skill}>{skill}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">No skills listed yet.</p>
        )}
      </CardSection>
      <CardSection id="portfolio-heading" title="Portfolio">
        {portfolio.length ? <PortfolioGallery items={portfolio} /> : <p className="empty">No work samples yet.</p>}
      </CardSection>
      <ReviewSection stats={reviewStats} reviews={reviews} reviewee={user.name} canReply={isOwn} />
    </>
  )
}

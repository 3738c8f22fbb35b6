import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { ReviewSection } from '~/components/profiles/reviews'
import { PageHeader } from '~/components/ui/page-header'
import { Stat } from '~/components/ui/stat'
import { ReportLink } from '~/components/help/report-link'
import { loadClientPublicProfile } from '~/services/marketplace/public-profiles.server'
import { requireUser } from '~/http/auth.server'
import { formatDate } from '~/utils/format'
import { answerDomainErrors } from '~/http/outcome-response.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.user.name ?? 'Client'} · MegiLance` }]

export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = await requireUser(request)
  const profile = await loadClientPublicProfile(params.userId)
  const isOwn = viewer.id === profile.user.id
  return json({ ...profile, isOwn, canReport: !isOwn && viewer.role !== 'admin' })
})

export default function ClientProfilePage() {
  const { user, profile, reviewStats, reviews, contracts, projectsPosted, isOwn, canReport } =
    useLoaderData<typeof loader>()
  const place = [profile.company, profile.country].filter(Boolean).join(' · ')
  return (
    <>
      <PageHeader title={user.name}>
        {place ? <p className="lead">{place}</p> : null}
        {isOwn ? (
          <p className="muted">
            This is how freelancers see your profile. <Link to="/settings">Edit profile</Link>
          </p>
        ) : null}
        {canReport ? <ReportLink about={`/clients/${user.id}`} what={`${user.name}’s profile`} /> : null}
      </PageHeader>
      <dl className="stats">
        <Stat
          label="Rating"
          value={reviewStats.average !== null ? `${reviewStats.average.toFixed(1)} / 5` : 'No reviews yet'}
          words={reviewStats.average === null}
          detail={
            reviewStats.count ? `${reviewStats.count} ${reviewStats.count === 1 ? 'review' : 'reviews'}` : undefined
          }
        />
        <Stat label="Projects posted" value={projectsPosted} />
        <Stat label="Completed contracts" value={contracts.ended} />
        <Stat label="Active contracts" value={contracts.active} />
        <Stat label="Member since" value={formatDate(user.createdAt)} date />
      </dl>
      <ReviewSection stats={reviewStats} reviews={reviews} reviewee={user.name} canReply={isOwn} />
    </>
  )
}

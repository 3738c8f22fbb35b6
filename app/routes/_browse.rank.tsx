import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { FormulaFactors } from '~/components/profiles/formula-factors'
import { RankBreakdown } from '~/components/profiles/rank-breakdown'
import { CardSection } from '~/components/ui/card-section'
import { PageHeader } from '~/components/ui/page-header'
import { RANK_FACTORS } from '~/services/marketplace/rank'
import { rankOfFreelancer } from '~/services/marketplace/rank.server'
import { getOptionalSession } from '~/http/auth.server'

export const meta: MetaFunction = () => [{ title: 'Rank · MegiLance' }]

/**
 * The published formula, for everyone (signed in or not); a signed-in freelancer also sees their
 * own breakdown.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = (await getOptionalSession(request))?.user ?? null
  return json({
    userId: user?.id ?? null,
    own: user?.role === 'freelancer' ? await rankOfFreelancer(user.id) : null,
  })
}

export default function RankPage() {
  const { userId, own } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Rank">
        <p className="muted">
          Every freelancer’s rank is a score out of 100 computed by the same published formula. Nothing else goes into
          it, and it is shown on every freelancer’s public profile.
        </p>
      </PageHeader>
      {own && userId ? (
        <CardSection id="own-rank-heading" title="Your rank">
          <RankBreakdown score={own.score} factors={own.factors} />
          <p>
            <Link to={`/freelancers/${userId}`}>See your public profile</Link> ·{' '}
            <Link to="/settings">Improve your profile</Link>
          </p>
        </CardSection>
      ) : null}
      <CardSection id="formula-heading" title="The formula">
        <p>
          Each factor gives a share between 0 and 1. The share times the factor’s weight gives its points, and the
          points add up to the rank. Small records start from a neutral value so that one review or one contract can
          neither make nor break a newcomer; the more history you have, the less that starting value counts.
        </p>
        <FormulaFactors label="Rank factors and their weights" factors={RANK_FACTORS} />
        <p className="muted">
          Reviews count only once they are visible: after both sides have reviewed the contract, or 14 days after it
          ended.
        </p>
      </CardSection>
    </>
  )
}

import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { RecommendedProjects } from '~/components/matching/recommended-projects'
import { CardSection } from '~/components/ui/card-section'
import { PageHeader } from '~/components/ui/page-header'
import { findDiscoveryPreferences } from '~/models/discovery.server'
import { recommendProjects } from '~/services/ai/recommendations.server'
import { requireRole } from '~/http/auth.server'

export const meta: MetaFunction = () => [{ title: 'Recommended projects · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'freelancer')
  const [projects, preferences] = await Promise.all([recommendProjects(user.id), findDiscoveryPreferences(user.id)])
  return json({ projects, optedOut: preferences.recommendationsOff })
}

export default function RecommendedProjectsPage() {
  const { projects, optedOut } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Recommended projects">
        <p className="muted">
          Open projects ordered by the published matching formula, with why each one fits.{' '}
          <Link to="/help/matching">How matching works</Link>
        </p>
      </PageHeader>
      <CardSection id="recommendations-heading" title="Open projects for you">
        {optedOut ? (
          <p>
            You left recommendations. <Link to="/settings/discovery">Take part again</Link>
          </p>
        ) : projects.length ? (
          <RecommendedProjects projects={projects} />
        ) : (
          <p>
            No open project asks for your skills or skills near them right now.{' '}
            <Link to="/settings">Check the skills on your profile</Link>
          </p>
        )}
      </CardSection>
    </>
  )
}

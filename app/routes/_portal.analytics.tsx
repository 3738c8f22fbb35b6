import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { Chart } from '~/components/charts/chart'
import { PageHeader } from '~/components/ui/page-header'
import { Stat } from '~/components/ui/stat'
import { requireRole } from '~/http/auth.server'
import { loadClientAnalytics, loadFreelancerAnalytics } from '~/services/analytics/personal-analytics.server'

export const meta: MetaFunction = () => [{ title: 'Your analytics · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  return json(user.role === 'freelancer' ? await loadFreelancerAnalytics(user.id) : await loadClientAnalytics(user.id))
}

export default function PersonalAnalytics() {
  const { role, currency, charts, figures, emptyNote } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Your analytics">
        <p className="muted">
          The last 12 months, by month; amounts in {currency}.{' '}
          {role === 'freelancer'
            ? 'Earnings are what reached your wallet after the platform fee.'
            : 'Spend is what you paid for delivered work.'}
        </p>
      </PageHeader>
      {emptyNote ? (
        <div className="callout card">
          <p>{emptyNote}</p>
          <p>
            {role === 'freelancer' ? (
              <Link to="/projects">Find work to send a first proposal</Link>
            ) : (
              <Link to="/projects/new">Post a project</Link>
            )}
          </p>
        </div>
      ) : null}
      <dl className="stats">
        {figures.map((figure) => (
          <Stat key={figure.label} label={figure.label} value={figure.value} detail={figure.detail} />
        ))}
      </dl>
      <section className="card chart-grid" aria-label="Charts">
        {charts.map((chart) => (
          <Chart key={chart.id} {...chart} csvHref={`/analytics.csv?table=${chart.id}`} />
        ))}
      </section>
    </>
  )
}

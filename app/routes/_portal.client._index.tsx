import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ProjectSummary } from '~/components/project-summary'
import { Stat } from '~/components/ui/stat'
import { getClientDashboard } from '~/services/marketplace/dashboards.server'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Client dashboard · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  return json({ name: user.name, ...(await getClientDashboard(user.id)) })
}

export default function ClientDashboard() {
  const { name, counts, recent, company } = useLoaderData<typeof loader>()
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
        <Stat label="Closed projects" value={counts.closed} />
      </dl>
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

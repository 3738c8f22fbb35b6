import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Stat } from '~/components/ui/stat'
import { getAdminDashboard } from '~/services/marketplace/dashboards.server'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Admin dashboard · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return json(await getAdminDashboard())
}

export default function AdminDashboard() {
  const { usersByRole, newUsers, blocked, projects, outbox } = useLoaderData<typeof loader>()
  return (
    <>
      <header className="page-header">
        <h1>Dashboard</h1>
        <p className="muted">The platform at a glance.</p>
      </header>
      <dl className="stats">
        <Stat label="Clients" value={usersByRole.client} />
        <Stat label="Freelancers" value={usersByRole.freelancer} />
        <Stat label="Admins" value={usersByRole.admin} />
        <Stat label="New users, last 7 days" value={newUsers} />
        <Stat label="Blocked users" value={blocked} />
        <Stat label="Open projects" value={projects.open} detail={`${projects.closed} closed`} />
        <Stat label="Emails sent" value={outbox} />
      </dl>
      <section className="card">
        <h2>Where to go next</h2>
        <ul className="link-list">
          <li>
            <Link to="/admin/users?status=blocked">Review blocked users</Link>
          </li>
          <li>
            <Link to="/admin/outbox">Read the email outbox</Link>
          </li>
        </ul>
      </section>
    </>
  )
}

import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { OnboardingChecklist } from '~/components/dashboard/onboarding-checklist'
import { CardSection } from '~/components/ui/card-section'
import { PageHeader } from '~/components/ui/page-header'
import { Stat } from '~/components/ui/stat'
import { getAdminDashboard } from '~/services/marketplace/dashboards.server'
import { requireRole } from '~/http/auth.server'
import { formatDate } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Admin dashboard · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  return json(await getAdminDashboard(admin.id))
}

export default function AdminDashboard() {
  const { usersByRole, newUsers, blocked, projects, outbox, queues, disputeQueue, onboarding } =
    useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Dashboard">
        <p className="muted">The platform at a glance.</p>
      </PageHeader>
      <OnboardingChecklist steps={onboarding} />
      <dl className="stats">
        <Stat label="Clients" value={usersByRole.client} />
        <Stat label="Freelancers" value={usersByRole.freelancer} />
        <Stat label="Admins" value={usersByRole.admin} />
        <Stat label="New users, last 7 days" value={newUsers} />
        <Stat label="Blocked users" value={blocked} />
        <Stat label="Open projects" value={projects.open} detail={`${projects.closed} closed`} />
        <Stat label="Hidden projects" value={queues.hiddenProjects} />
        <Stat label="Active contracts" value={queues.activeContracts} />
        <Stat label="Disputes waiting" value={queues.disputes} />
        <Stat label="Emails sent" value={outbox} />
      </dl>
      <CardSection id="dispute-queue" title="Disputes waiting for a decision">
        {disputeQueue.length ? (
          <ul className="list list--lines">
            {disputeQueue.map((dispute) => (
              <li key={dispute.id}>
                <Link to={`/disputes/${dispute.id}`}>{dispute.contractTitle}</Link>
                <span className="muted">
                  {' '}
                  · opened by {dispute.openedByName} on {formatDate(Number(dispute.createdAt))} ·{' '}
                  {dispute.status === 'open' ? 'waiting for a response' : 'ready to decide'}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">
            No dispute is waiting. <Link to="/admin/disputes">All disputes</Link>
          </p>
        )}
      </CardSection>
      <section className="card">
        <h2>Where to go next</h2>
        <ul className="link-list">
          <li>
            <Link to="/admin/users?status=blocked">Review blocked users</Link>
          </li>
          <li>
            <Link to="/admin/disputes">All disputes</Link>
          </li>
          <li>
            <Link to="/admin/outbox">Read the email outbox</Link>
          </li>
        </ul>
      </section>
    </>
  )
}

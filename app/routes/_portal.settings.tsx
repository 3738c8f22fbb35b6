import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { json } from '~/http/json.server'
import { requireSession } from '~/http/auth.server'
import { demoSignInNotice } from '~/http/demo-account.server'
import { PageHeader } from '~/components/ui/page-header'
import { useRootData } from '~/root'

export const meta: MetaFunction = () => [{ title: 'Settings · MegiLance' }]

const TABS = [
  { to: '/settings', label: 'Profile', end: true },
  { to: '/settings/portfolio', label: 'Portfolio', freelancerOnly: true },
  { to: '/settings/discovery', label: 'Visibility', freelancerOnly: true },
  { to: '/settings/email', label: 'Email' },
  { to: '/settings/password', label: 'Password' },
  { to: '/settings/security', label: 'Security' },
  { to: '/settings/sessions', label: 'Sessions' },
  { to: '/settings/notifications', label: 'Notifications' },
  { to: '/settings/availability', label: 'Availability', userOnly: true },
  { to: '/settings/billing', label: 'Billing & tax', userOnly: true },
  { to: '/settings/appearance', label: 'Appearance' },
]

/** A shared demo account is told, before it types anything, which settings stay as published. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request)
  return json({ demoNotice: await demoSignInNotice(session.user.id) })
}

export default function SettingsLayout() {
  const { demoNotice } = useLoaderData<typeof loader>()
  const role = useRootData()?.menu?.role
  const tabs = TABS.filter(
    (tab) => (!tab.freelancerOnly || role === 'freelancer') && (!tab.userOnly || role !== 'admin'),
  )
  return (
    <>
      <PageHeader title="Settings" />
      <nav className="tabs" aria-label="Settings sections">
        {tabs.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end} className="tabs__tab">
            {tab.label}
          </NavLink>
        ))}
      </nav>
      {demoNotice ? (
        <p className="callout card" role="note">
          {demoNotice}
        </p>
      ) : null}
      <section className="card">
        <Outlet />
      </section>
    </>
  )
}

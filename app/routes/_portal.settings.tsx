import type { MetaFunction } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'

export const meta: MetaFunction = () => [{ title: 'Settings · MegiLance' }]

const TABS = [
  { to: '/settings', label: 'Profile', end: true },
  { to: '/settings/password', label: 'Password' },
  { to: '/settings/appearance', label: 'Appearance' },
]

export default function SettingsLayout() {
  return (
    <>
      <header className="page-header">
        <h1>Settings</h1>
      </header>
      <nav className="tabs" aria-label="Settings sections">
        {TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end} className="tabs__tab">
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <section className="card">
        <Outlet />
      </section>
    </>
  )
}

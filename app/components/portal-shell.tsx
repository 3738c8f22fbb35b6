import { NavLink } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { Role } from '~/models/enums'
import { PORTAL_MENUS, PORTAL_NAMES } from './portal-menus'

function MenuLinks({ role }: { role: Role }) {
  return (
    <ul>
      {PORTAL_MENUS[role].map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end} className="sidebar__link">
            {item.label}
          </NavLink>
        </li>
      ))}
    </ul>
  )
}

/** Sidebar on wide screens; a disclosure menu on narrow ones (works without JavaScript). */
export function PortalShell({ role, children }: { role: Role; children: ReactNode }) {
  return (
    <div className="portal">
      <nav className="sidebar" aria-label={PORTAL_NAMES[role]}>
        <p className="sidebar__title">{PORTAL_NAMES[role]}</p>
        <div className="sidebar__wide">
          <MenuLinks role={role} />
        </div>
        <details className="sidebar__narrow">
          <summary>Menu</summary>
          <MenuLinks role={role} />
        </details>
      </nav>
      <main id="main" className="portal__main">
        {children}
      </main>
    </div>
  )
}

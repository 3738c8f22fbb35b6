import { NavLink } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { Role } from '~/models/enums'
import { PORTAL_MENUS, PORTAL_NAMES } from './portal-menus'

/** Counts shown next to menu items, keyed by the item's path (e.g. unread notifications under '/notifications'). */
export type MenuBadges = Record<string, number>

const BADGE_WORDS: Record<string, string> = { '/notifications': 'unread', '/messages': 'unread' }

function MenuBadge({ count, word }: { count: number; word: string }) {
  if (count <= 0) return null
  return (
    <span className="menu-badge">
      <span className="visually-hidden">, </span>
      {count > 99 ? '99+' : count}
      <span className="visually-hidden"> {word}</span>
    </span>
  )
}

function MenuLinks({ role, badges }: { role: Role; badges: MenuBadges }) {
  return (
    <ul>
      {PORTAL_MENUS[role].map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end} className="sidebar__link">
            {item.label}
            <MenuBadge count={badges[item.to] ?? 0} word={BADGE_WORDS[item.to] ?? 'new'} />
          </NavLink>
        </li>
      ))}
    </ul>
  )
}

/** Sidebar on wide screens; a disclosure menu on narrow ones (works without JavaScript). */
export function PortalShell({ role, badges = {}, children }: { role: Role; badges?: MenuBadges; children: ReactNode }) {
  const total = Object.values(badges).reduce((sum, count) => sum + count, 0)
  return (
    <div className="portal">
      <nav className="sidebar" aria-label={PORTAL_NAMES[role]}>
        <p className="sidebar__title">{PORTAL_NAMES[role]}</p>
        <div className="sidebar__wide">
          <MenuLinks role={role} badges={badges} />
        </div>
        <details className="sidebar__narrow">
          <summary>
            Menu
            <MenuBadge count={total} word="new" />
          </summary>
          <MenuLinks role={role} badges={badges} />
        </details>
      </nav>
      <main id="main" className="portal__main">
        {children}
      </main>
    </div>
  )
}

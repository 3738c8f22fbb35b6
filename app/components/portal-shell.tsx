import { useLocation, useNavigate, type ShouldRevalidateFunction } from '@remix-run/react'
import type { MouseEvent, ReactNode } from 'react'
import type { Role } from '~/domain/enums'
import { PORTAL_MENUS, PORTAL_NAMES, type MenuItem } from './portal-menus'

/** Counts shown next to menu items, keyed by the item's path (e.g. unread notifications under '/notifications'). */
export type MenuBadges = Record<string, number>

const BADGE_WORDS: Record<string, string> = {
  '/notifications': 'unread',
  '/messages': 'unread',
  '/admin/contact-requests': 'open',
  '/admin/fraud': 'pending',
}

/** The number is for the eye; screen readers get the link's full name, e.g. "Notifications, 3 unread". */
function MenuBadge({ count }: { count: number }) {
  if (count <= 0) return null
  return (
    <span className="menu-badge" aria-hidden="true">
      {count > 99 ? '99+' : count}
    </span>
  )
}

function badgeName(label: string, count: number, word: string): string | undefined {
  return count > 0 ? `${label}, ${count} ${word}` : undefined
}

/** NavLink's rule: the item is current on its own path and, unless `end`, on the paths below it (any case). */
function isCurrent(item: MenuItem, pathname: string): boolean {
  const path = pathname.toLowerCase()
  const to = item.to.toLowerCase()
  return path === to || (!item.end && path.startsWith(`${to}/`))
}

/** A plain left click, which the router may take over; a modified or other-button click opens as the browser would. */
function isPlainClick(event: MouseEvent<HTMLElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.altKey && !event.ctrlKey && !event.shiftKey
}

/**
 * The menu's links as plain anchors with one location read and one click handler for the list:
 * a NavLink each (resolving its path, subscribing to the location and navigation state) cost more
 * to render than the rest of the menu on every portal page. With JavaScript a plain click still
 * navigates client-side; `data-discover` keeps Remix's route discovery for them, as Link's has.
 */
function MenuLinks({ role, badges }: { role: Role; badges: MenuBadges }) {
  const location = useLocation()
  const navigate = useNavigate()
  const onClick = (event: MouseEvent<HTMLUListElement>) => {
    const link = (event.target as Element).closest('a')
    if (!link || event.defaultPrevented || !isPlainClick(event)) return
    event.preventDefault()
    const to = link.getAttribute('href') ?? '/'
    // As Link does: opening the page you are on replaces its history entry rather than adding one.
    navigate(to, { replace: to === `${location.pathname}${location.search}${location.hash}` })
  }
  return (
    // The list only delegates its links' clicks; the links themselves are focusable and keyboard-operable.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <ul onClick={onClick}>
      {PORTAL_MENUS[role].map((item) => {
        const count = badges[item.to] ?? 0
        const current = isCurrent(item, location.pathname)
        return (
          <li key={item.to}>
            <a
              href={item.to}
              className={current ? 'sidebar__link active' : 'sidebar__link'}
              aria-current={current ? 'page' : undefined}
              aria-label={badgeName(item.label, count, BADGE_WORDS[item.to] ?? 'new')}
              data-discover="true"
            >
              {item.label}
              <MenuBadge count={count} />
            </a>
          </li>
        )
      })}
    </ul>
  )
}

/**
 * Sidebar on wide screens; a disclosure menu on narrow ones (works without JavaScript). The links
 * are rendered once: on wide screens the stylesheet hides the summary and shows the closed
 * disclosure's content (`::details-content`); a browser without that selector keeps the disclosure.
 */
function PortalShell({ role, badges = {}, children }: { role: Role; badges?: MenuBadges; children: ReactNode }) {
  const total = Object.values(badges).reduce((sum, count) => sum + count, 0)
  return (
    <div className="portal">
      <nav className="sidebar" aria-label={PORTAL_NAMES[role]}>
        <p className="sidebar__title">{PORTAL_NAMES[role]}</p>
        <details className="sidebar__menu">
          <summary aria-label={badgeName('Menu', total, 'new')}>
            Menu
            <MenuBadge count={total} />
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

/** The menu's counts (unread notifications…) stay current as the user moves between pages. */
export const revalidateMenuOnNewPage: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname

/**
 * A page inside the portal for a member (`menu` from the layout's loader), on its own for a visitor
 * or when the layout's loader failed; error pages use the narrow column.
 */
export function PageFrame({
  menu,
  narrow = false,
  children,
}: {
  menu: { role: Role; badges: MenuBadges } | null | undefined
  narrow?: boolean
  children: ReactNode
}) {
  if (menu) {
    return (
      <PortalShell role={menu.role} badges={menu.badges}>
        {children}
      </PortalShell>
    )
  }
  return (
    <main id="main" className={narrow ? 'page page--narrow' : 'page'}>
      {children}
    </main>
  )
}

import { useLocation } from '@remix-run/react'
import { createElement, type ReactElement, type ReactNode } from 'react'
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
function menuBadge(count: number) {
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

// KeptHtml lives here, beside the menu that uses it on every portal page, so that it rides in the
// portal's chunk: a module of its own became a chunk of its own, a few hundred bytes more JavaScript.

/** Renders an element to HTML, or answers undefined to have it rendered as usual (set by entry.server). */
export type KeptHtmlRenderer = (element: ReactElement<object>) => string | undefined

let renderKept: KeptHtmlRenderer | undefined

/** The server's renderer (http/kept-html.server.ts); a browser has none and renders the element itself. */
export function keepRenderedHtml(renderer: KeptHtmlRenderer | undefined): void {
  renderKept = renderer
}

/**
 * `<as className>{children}</as>`, where the server may write the child's HTML as it rendered it before
 * for the same props instead of rendering it again: a dashboard's sections or the portal menu cost
 * about 1.5 µs of CPU per element to render, and come out the same on most loads. The HTML is the
 * same either way, so the browser hydrates it as if rendered here.
 *
 * The child must be a pure function of its props, and its props plain data (what a loader returns):
 * no hooks or context (it is rendered on its own), no clock, no functions or elements in its props.
 */
export function KeptHtml({
  as = 'div',
  className,
  children,
}: {
  as?: 'div' | 'ul'
  className?: string
  children: ReactElement<object>
}) {
  const html = renderKept?.(children)
  return html === undefined
    ? createElement(as, { className }, children)
    : createElement(as, { className, dangerouslySetInnerHTML: { __html: html } })
}

/** The menu for the page being shown: the server keeps its HTML by role, page and counts (KeptHtml). */
function MenuLinks({ role, badges }: { role: Role; badges: MenuBadges }) {
  return (
    <KeptHtml as="ul">
      <MenuItems role={role} pathname={useLocation().pathname} badges={badges} />
    </KeptHtml>
  )
}

/**
 * The menu writes its links' attributes itself, those of a PlainLink: a component per link and per
 * badge, and spreading attribute objects, cost this list (on every portal page) about 0.1 ms to render.
 */
function MenuItems({ role, pathname, badges }: { role: Role; pathname: string; badges: MenuBadges }) {
  return PORTAL_MENUS[role].map((item) => {
    const count = badges[item.to] ?? 0
    const current = isCurrent(item, pathname)
    return (
      <li key={item.to}>
        <a
          href={item.to}
          data-discover="true"
          className={current ? 'sidebar__link active' : 'sidebar__link'}
          aria-current={current ? 'page' : undefined}
          aria-label={badgeName(item.label, count, BADGE_WORDS[item.to] ?? 'new')}
        >
          {item.label}
          {menuBadge(count)}
        </a>
      </li>
    )
  })
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
            {menuBadge(total)}
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

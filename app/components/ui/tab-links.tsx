import { Link } from '@remix-run/react'

/**
 * A row of tabs over one list, each a link to it with another query (`?status=open`); the tab of
 * the list shown is marked as the current page. With `markActive`, it also carries the "active" class.
 */
export function TabLinks({
  label,
  tabs,
  markActive = false,
}: {
  label: string
  tabs: readonly { to: string; label: string; current: boolean }[]
  markActive?: boolean
}) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <Link
          key={tab.to}
          to={tab.to}
          className={markActive && tab.current ? 'tabs__tab active' : 'tabs__tab'}
          aria-current={tab.current ? 'page' : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  )
}

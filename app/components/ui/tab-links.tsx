import { Link } from '@remix-run/react'

/**
 * A row of tabs over one list, each a link to it with another query (`?status=open`); the tab of
 * the list shown is marked as the current page, which also shows it as the current tab.
 */
export function TabLinks({
  label,
  tabs,
}: {
  label: string
  tabs: readonly { to: string; label: string; current: boolean }[]
}) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <Link key={tab.to} to={tab.to} className="tabs__tab" aria-current={tab.current ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  )
}

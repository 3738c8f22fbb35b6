import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

/** A help-centre page: the way back to the centre, the title and its lead paragraph, then the content. */
export function HelpPage({
  title,
  titleId,
  lead,
  children,
}: {
  title: ReactNode
  titleId?: string
  lead: ReactNode
  children: ReactNode
}) {
  return (
    <main id="main" className="page page--narrow">
      <header className="page-header">
        <p>
          <Link to="/help">← Help centre</Link>
        </p>
        <h1 id={titleId}>{title}</h1>
        <p className="muted">{lead}</p>
      </header>
      {children}
    </main>
  )
}

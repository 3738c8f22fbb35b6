import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

/** The header of a page about one project: a link back to it, the page's title, then any lead text. */
export function ProjectPageHeader({
  project,
  title,
  children,
}: {
  project: { id: string; title: string }
  title: string
  children?: ReactNode
}) {
  return (
    <header className="page-header">
      <p>
        <Link to={`/projects/${project.id}`}>← {project.title}</Link>
      </p>
      <h1>{title}</h1>
      {children}
    </header>
  )
}

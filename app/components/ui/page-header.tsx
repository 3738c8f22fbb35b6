import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

/**
 * The head of a page: for a page one step inside another, a "← back" link to where it came from;
 * the page's h1; then whatever introduces the page (`children`: a summary line, a notice).
 */
export function PageHeader({
  back,
  title,
  children,
}: {
  back?: { to: string; label: ReactNode }
  title: ReactNode
  children?: ReactNode
}) {
  return (
    <header className="page-header">
      {back ? (
        <p>
          <Link to={back.to}>← {back.label}</Link>
        </p>
      ) : null}
      <h1>{title}</h1>
      {children}
    </header>
  )
}

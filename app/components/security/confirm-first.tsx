import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

/**
 * Shown instead of what needs a recent second factor: why (`children`), and a link to confirm it
 * is you first (`href`, the step-up page coming back here), so nothing typed is lost on the way.
 */
export function ConfirmItIsYouFirst({
  href,
  className,
  children,
}: {
  href: string
  className?: string
  children: ReactNode
}) {
  return (
    <p className={className}>
      {children}{' '}
      <Link to={href} className="button button--secondary">
        Confirm it is you
      </Link>
    </p>
  )
}

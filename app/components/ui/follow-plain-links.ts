import { useLocation, useNavigate } from '@remix-run/react'
import type { MouseEvent } from 'react'

/** A plain left click in the same tab, which the router may take over (as `<Link>` decides). */
function isPlainClick(event: MouseEvent<HTMLElement>, link: HTMLAnchorElement): boolean {
  const target = link.getAttribute('target')
  return (
    event.button === 0 &&
    !event.metaKey &&
    !event.altKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    (!target || target === '_self') &&
    !link.hasAttribute('download')
  )
}

/**
 * The click handler for every `PlainLink` (components/ui/plain-link.tsx) inside the element it is
 * put on (the root's body): a plain click on one navigates client-side; modified, middle-button and
 * new-tab clicks, and links a `<Link>` already handled (`defaultPrevented`), are left to the
 * browser and the router.
 */
export function useFollowPlainLinks(): (event: MouseEvent<HTMLElement>) => void {
  const location = useLocation()
  const navigate = useNavigate()
  return (event) => {
    const link = (event.target as Element).closest('a[data-discover]')
    if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented || !isPlainClick(event, link)) return
    const to = link.getAttribute('href')
    if (!to?.startsWith('/') || to.startsWith('//')) return
    event.preventDefault()
    // As `<Link>` does: opening the page you are on replaces its history entry rather than adding one.
    navigate(to, { replace: to === `${location.pathname}${location.search}${location.hash}` })
  }
}

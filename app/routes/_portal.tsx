import { Link, Outlet } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageFrame } from '~/components/portal-shell'
import type { MenuFrame } from '~/load-context'
import { useRootData } from '~/root'

/** A 429 thrown to this layout's boundary keeps its Retry-After (see the root's headers). */
export { headers } from '~/root'

/**
 * Every portal page needs a signed-in user; each child checks its own role. The root loader answers
 * the menu for pages in this frame (and sends visitors to sign in): the page being opened reads the
 * notifications about it before the menu counts them.
 */
export const handle: { menuFrame: MenuFrame } = { menuFrame: 'members' }

export default function PortalLayout() {
  const data = useRootData()
  return (
    <PageFrame menu={data?.menu}>
      {data?.adminStepUpHref ? (
        // As ConfirmItIsYouFirst says it, written here: that module would be one more chunk on every portal page.
        <p className="card">
          Changes to members’ accounts and money need a second factor from the last 10 minutes.{' '}
          <Link to={data.adminStepUpHref} className="button button--secondary">
            Confirm it is you
          </Link>
        </p>
      ) : null}
      <Outlet />
    </PageFrame>
  )
}

/** Errors of portal pages (403, 404…) keep the portal's menu around them. */
export function ErrorBoundary() {
  return (
    <PageFrame menu={useRootData()?.menu} narrow>
      <GeneralErrorBoundary />
    </PageFrame>
  )
}

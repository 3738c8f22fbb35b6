import { Outlet } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageFrame } from '~/components/portal-shell'
import type { MenuFrame } from '~/load-context'
import { useRootData } from '~/root'

/** A 429 thrown to this layout's boundary keeps its Retry-After (see the root's headers). */
export { headers } from '~/root'

/**
 * Pages anyone may read (Find work, a project, a freelancer's profile, the rank and matching formulas,
 * the market). Members see them inside their portal with its menu (answered by the root loader for
 * pages in this frame); visitors without an account see them on their own, and each page asks them
 * to sign in only for what needs an account (applying, inviting, messaging).
 */
export const handle: { menuFrame: MenuFrame } = { menuFrame: 'everyone' }

export default function BrowseLayout() {
  return (
    <PageFrame menu={useRootData()?.menu}>
      <Outlet />
    </PageFrame>
  )
}

export function ErrorBoundary() {
  return (
    <PageFrame menu={useRootData()?.menu} narrow>
      <GeneralErrorBoundary />
    </PageFrame>
  )
}

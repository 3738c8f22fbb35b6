import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData, useRouteLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PortalShell } from '~/components/portal-shell'
import { loadMenuBadges, markReadOnVisit } from '~/services/notifications/centre.server'
import { requireUser } from '~/http/auth.server'

/**
 * Every portal page needs a signed-in user; each child checks its own role. The page being opened
 * reads the notifications about it before the menu counts them.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  await markReadOnVisit(user.id, new URL(request.url).pathname)
  return json({ role: user.role, badges: await loadMenuBadges(user) })
}

/** The menu's counts (unread notifications…) stay current as the user moves between pages. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname

export default function PortalLayout() {
  const { role, badges } = useLoaderData<typeof loader>()
  return (
    <PortalShell role={role} badges={badges}>
      <Outlet />
    </PortalShell>
  )
}

/** Errors of portal pages (403, 404…) keep the portal's menu around them. */
export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>('routes/_portal')
  if (!data) {
    return (
      <main id="main" className="page page--narrow">
        <GeneralErrorBoundary />
      </main>
    )
  }
  return (
    <PortalShell role={data.role} badges={data.badges}>
      <GeneralErrorBoundary />
    </PortalShell>
  )
}

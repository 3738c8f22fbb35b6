import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData, useRouteLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PortalShell } from '~/components/portal-shell'
import { loadMenuBadges, markReadOnVisit } from '~/services/notifications/centre.server'
import { getOptionalSession } from '~/http/auth.server'

/**
 * Pages anyone may read (Find work, a project, a freelancer's profile, the rank and matching formulas,
 * the market). Members see them inside their portal with its menu; visitors without an account see
 * them on their own, and each page asks them to sign in only for what needs an account (applying,
 * inviting, messaging).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = (await getOptionalSession(request))?.user
  if (!user) return json({ role: null, badges: {} })
  await markReadOnVisit(user.id, new URL(request.url).pathname)
  return json({ role: user.role, badges: await loadMenuBadges(user) })
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname

export default function BrowseLayout() {
  const { role, badges } = useLoaderData<typeof loader>()
  if (!role) {
    return (
      <main id="main" className="page">
        <Outlet />
      </main>
    )
  }
  return (
    <PortalShell role={role} badges={badges}>
      <Outlet />
    </PortalShell>
  )
}

export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>('routes/_browse')
  if (!data?.role) {
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

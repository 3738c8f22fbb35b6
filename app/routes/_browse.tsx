import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageFrame, revalidateMenuOnNewPage } from '~/components/portal-shell'
import { loadPortalMenu } from '~/services/notifications/centre.server'
import { getOptionalSession } from '~/http/auth.server'

/**
 * Pages anyone may read (Find work, a project, a freelancer's profile, the rank and matching formulas,
 * the market). Members see them inside their portal with its menu; visitors without an account see
 * them on their own, and each page asks them to sign in only for what needs an account (applying,
 * inviting, messaging).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = (await getOptionalSession(request))?.user
  return json({ menu: user ? await loadPortalMenu(user, new URL(request.url).pathname) : null })
}

export const shouldRevalidate = revalidateMenuOnNewPage

export default function BrowseLayout() {
  return (
    <PageFrame menu={useLoaderData<typeof loader>().menu}>
      <Outlet />
    </PageFrame>
  )
}

export function ErrorBoundary() {
  return (
    <PageFrame menu={useRouteLoaderData<typeof loader>('routes/_browse')?.menu} narrow>
      <GeneralErrorBoundary />
    </PageFrame>
  )
}

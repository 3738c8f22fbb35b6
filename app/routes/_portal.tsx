import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageFrame, revalidateMenuOnNewPage } from '~/components/portal-shell'
import { loadPortalMenu } from '~/services/notifications/centre.server'
import { requireUser } from '~/http/auth.server'

/**
 * Every portal page needs a signed-in user; each child checks its own role. The page being opened
 * reads the notifications about it before the menu counts them.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return json(await loadPortalMenu(user, new URL(request.url).pathname))
}

export const shouldRevalidate = revalidateMenuOnNewPage

export default function PortalLayout() {
  return (
    <PageFrame menu={useLoaderData<typeof loader>()}>
      <Outlet />
    </PageFrame>
  )
}

/** Errors of portal pages (403, 404…) keep the portal's menu around them. */
export function ErrorBoundary() {
  return (
    <PageFrame menu={useRouteLoaderData<typeof loader>('routes/_portal')} narrow>
      <GeneralErrorBoundary />
    </PageFrame>
  )
}

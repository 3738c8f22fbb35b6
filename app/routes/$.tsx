import type { MetaFunction } from '@remix-run/node'
import { GeneralErrorBoundary } from '~/components/error-boundary'

export const meta: MetaFunction = () => [{ title: 'Page not found · MegiLance' }]

/**
 * Any address no page answers. Without this route Remix answers the 404 before any loader runs, so
 * the page showed a signed-in member the signed-out header, no demo banner and no reference to quote;
 * here the root loader runs first, as for every other page.
 */
export async function loader() {
  throw new Response('There is no page at this address. Check it for a typo, or start again from the home page.', {
    status: 404,
  })
}

export default function NotFound() {
  return null
}

export function ErrorBoundary() {
  return (
    <main id="main" className="page page--narrow">
      <GeneralErrorBoundary />
    </main>
  )
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { buildRobotsTxt } from '~/services/discovery/sitemap.server'
import { publicOrigin } from '~/http/public-origin.server'

export async function loader({ request }: LoaderFunctionArgs) {
  return new Response(buildRobotsTxt(publicOrigin(request)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  })
}

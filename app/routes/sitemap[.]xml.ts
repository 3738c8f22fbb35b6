import type { LoaderFunctionArgs } from '@remix-run/node'
import { buildSitemap } from '~/services/discovery/sitemap.server'
import { publicOrigin } from '~/http/public-origin.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const xml = await buildSitemap(publicOrigin(request), null)
  return new Response(xml, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  })
}

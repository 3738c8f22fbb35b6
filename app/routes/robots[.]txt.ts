import { buildRobotsTxt } from '~/services/discovery/sitemap.server'
import { siteOrigin } from '~/utils/env.server'

export async function loader() {
  return new Response(buildRobotsTxt(siteOrigin()), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  })
}

import { buildSitemap } from '~/services/discovery/sitemap.server'
import { siteOrigin } from '~/utils/env.server'

export async function loader() {
  const xml = await buildSitemap(siteOrigin(), null)
  return new Response(xml, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  })
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { buildSitemap } from '~/services/discovery/sitemap.server'
import { siteOrigin } from '~/utils/env.server'
import { answerDomainErrors } from '~/http/outcome-response.server'

/** One file of a sitemap too large for one (listed by /sitemap.xml's index). */
export const loader = /* @__PURE__ */ answerDomainErrors(async ({ params }: LoaderFunctionArgs) => {
  const page = /^\d{1,6}$/.test(params.page ?? '') ? Number(params.page) : 0
  const xml = await buildSitemap(siteOrigin(), page)
  return new Response(xml, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  })
})

import type { MetaDescriptor } from '@remix-run/node'

type Seo = {
  title: string
  description: string
  canonical: string
  ogType: string
  jsonLd: Record<string, unknown> | null
}

/** The head tags of a public page: title, description, canonical link, Open Graph and JSON-LD. */
export function seoMeta(seo: Seo | undefined, fallbackTitle: string): MetaDescriptor[] {
  if (!seo) return [{ title: fallbackTitle }]
  return [
    { title: seo.title },
    { name: 'description', content: seo.description },
    { tagName: 'link', rel: 'canonical', href: seo.canonical },
    { property: 'og:type', content: seo.ogType },
    { property: 'og:title', content: seo.title },
    { property: 'og:description', content: seo.description },
    { property: 'og:url', content: seo.canonical },
    { property: 'og:site_name', content: 'MegiLance' },
    ...(seo.jsonLd ? [{ 'script:ld+json': seo.jsonLd }] : []),
  ]
}

/**
 * /sitemap.xml and /robots.txt from the database. One sitemap holds at most 50,000 URLs (the
 * sitemaps.org limit); past that /sitemap.xml becomes an index of /sitemaps/1, /sitemaps/2…
 */
import {
  countSitemapEntries,
  listSitemapFreelancers,
  listSitemapProjects,
  type SitemapEntry,
} from '~/models/discovery.server'
import { NotFound } from '~/services/domain-errors'

const SITEMAP_LIMIT = 50_000

const STATIC_PATHS = ['/', '/projects', '/freelancers', '/rank', '/help', '/help/matching'] as const

type Url = { loc: string; lastmod?: number }

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function urlset(urls: Url[]): string {
  const body = urls
    .map(
      ({ loc, lastmod }) =>
        `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${new Date(lastmod).toISOString()}</lastmod>` : ''}</url>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`
}

function sitemapIndex(locs: string[]): string {
  const body = locs.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`).join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`
}

/** The URLs from `start` (inclusive) to `end` (exclusive) of: static pages, projects, freelancers. */
async function urlsBetween(origin: string, start: number, end: number, projectCount: number): Promise<Url[]> {
  const urls: Url[] = STATIC_PATHS.slice(start, end).map((path) => ({ loc: `${origin}${path}` }))
  const projectStart = Math.max(0, start - STATIC_PATHS.length)
  const projectEnd = Math.min(projectCount, end - STATIC_PATHS.length)
  const projects = await listSitemapProjects(projectStart, projectEnd - projectStart)
  const freelancerStart = Math.max(0, start - STATIC_PATHS.length - projectCount)
  const freelancerEnd = end - STATIC_PATHS.length - projectCount
  const freelancers = await listSitemapFreelancers(freelancerStart, freelancerEnd - freelancerStart)
  const toUrl = (prefix: string) => (entry: SitemapEntry) => ({
    loc: `${origin}${prefix}${entry.id}`,
    lastmod: entry.updatedAt,
  })
  return [...urls, ...projects.map(toUrl('/projects/')), ...freelancers.map(toUrl('/freelancers/'))]
}

/** /sitemap.xml (page null): every URL, or an index when they do not fit one file; else page n of it. */
export async function buildSitemap(origin: string, page: number | null, limit = SITEMAP_LIMIT): Promise<string> {
  const counts = await countSitemapEntries()
  const total = STATIC_PATHS.length + counts.projects + counts.freelancers
  const pages = Math.ceil(total / limit)
  if (page === null) {
    if (pages <= 1) return urlset(await urlsBetween(origin, 0, total, counts.projects))
    return sitemapIndex(Array.from({ length: pages }, (_, i) => `${origin}/sitemaps/${i + 1}`))
  }
  if (!Number.isInteger(page) || page < 1 || page > pages || pages <= 1) throw new NotFound()
  return urlset(await urlsBetween(origin, (page - 1) * limit, page * limit, counts.projects))
}

/** Pages behind an account are not for crawlers; the public ones are listed in the sitemap. */
const PRIVATE_PREFIXES = [
  '/admin',
  '/calls',
  '/checkout',
  '/client$',
  '/client/',
  '/clients/',
  '/contracts',
  '/convert',
  '/crypto-payments',
  '/disputes',
  '/freelancer$',
  '/freelancer/',
  '/meetings',
  '/messages',
  '/notifications',
  '/payments',
  '/payouts',
  '/portfolio',
  '/projects/new',
  '/projects/*/',
  '/proposals',
  '/saved-searches',
  '/settings',
  '/sign-out',
  '/wallet',
]

export function buildRobotsTxt(origin: string): string {
  return [
    'User-agent: *',
    ...PRIVATE_PREFIXES.map((prefix) => `Disallow: ${prefix}`),
    'Allow: /',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n')
}

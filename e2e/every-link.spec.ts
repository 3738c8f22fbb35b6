import type { APIRequestContext } from '@playwright/test'
import { createFixedContract } from './contract-fixtures'
import { insertSessionCookie } from './db-fixtures'
import { DEMO_ACCOUNTS, PORTALS, expect, makeUser, test } from './fixtures'
import { createHourlyContract } from './hourly-fixtures'
import { createProposal } from './messaging-fixtures'
import { createEndedContract } from './social-fixtures'
import { createAccountWithoutBrowser } from './user-fixtures'

/**
 * No link leads nowhere: from each portal's home (and the public home for a visitor), every link the
 * server's pages hold is followed, one page of each kind, and must answer without an error. Read as
 * plain HTTP, as a browser without JavaScript follows them; the server's HTML is the same either way,
 * so it runs in the no-js project only. A new client and freelancer with work of every kind between
 * them are crawled rather than the demo pair: opening a proposal or a conversation marks it read, which
 * other tests of the demo accounts count on.
 */

/** Links with an effect a crawl must not cause on the shared demo accounts (they are plain GETs too). */
const NOT_FOLLOWED = [/^\/sign-out/, /^\/notifications\/[^/]+\/open/, /^\/theme/]

/** At most this many pages per role: the demo portals hold about a hundred kinds of page between them. */
const MAX_PAGES = 250

/** A page's kind: its path with ids and numbers taken out, so one project stands for all of them. */
function kindOf(path: string): string {
  return path
    .split('?')[0]!
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')
    .replace(/\/\d+(?=\/|$)/g, '/:n')
}

function linksIn(html: string, base: URL): string[] {
  const links: string[] = []
  for (const [, raw] of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
    const href = raw!
      .replace(/&amp;/g, '&')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&quot;/g, '"')
    if (!href || href.startsWith('#') || /^(mailto|tel|javascript):/i.test(href)) continue
    const url = new URL(href, base)
    if (url.origin !== base.origin) continue
    links.push(`${url.pathname}${url.search}`)
  }
  return links
}

type Broken = { path: string; status: number; from: string }

async function crawl(request: APIRequestContext, start: string, baseURL: string, cookie: string | null) {
  const base = new URL(baseURL)
  const seenKinds = new Set<string>()
  const queue: { path: string; from: string }[] = [{ path: start, from: '(start)' }]
  const broken: Broken[] = []
  let visited = 0
  while (queue.length && visited < MAX_PAGES) {
    const { path, from } = queue.shift()!
    const kind = kindOf(path)
    if (seenKinds.has(kind) || NOT_FOLLOWED.some((pattern) => pattern.test(path))) continue
    seenKinds.add(kind)
    visited += 1
    const response = await request.get(path, { headers: cookie ? { cookie } : {}, maxRedirects: 5 })
    if (response.status() >= 400) {
      broken.push({ path, status: response.status(), from })
      continue
    }
    if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) continue
    for (const link of linksIn(await response.text(), new URL(response.url(), base)))
      queue.push({ path: link, from: path })
  }
  return { broken, visited }
}

test.describe('every link the pages hold answers', () => {
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled, 'the server’s HTML is the same with JavaScript; read once')

  test('for a visitor', async ({ request }, testInfo) => {
    const { broken, visited } = await crawl(request, '/', testInfo.project.use.baseURL!, null)
    expect(visited).toBeGreaterThan(10)
    expect(broken).toEqual([])
  })

  test('for a new client and freelancer with a proposal, a fixed and an hourly contract, and an ended one', async ({
    request,
  }, testInfo) => {
    test.setTimeout(180_000)
    const baseURL = testInfo.project.use.baseURL!
    const client = await createAccountWithoutBrowser(makeUser('client'))
    const freelancer = await createAccountWithoutBrowser(makeUser('freelancer'))
    await createProposal(client.email, freelancer.email)
    await createFixedContract(client.email, freelancer.email, {
      milestones: [{ title: 'Wireframes', amountMinor: 50_000 }],
    })
    await createHourlyContract(client.email, freelancer.email)
    await createEndedContract(client.email, freelancer.email)
    for (const { email, role } of [client, freelancer]) {
      const session = await insertSessionCookie(email, baseURL)
      const { broken, visited } = await crawl(request, PORTALS[role].home, baseURL, `${session.name}=${session.value}`)
      expect(visited, role).toBeGreaterThan(40)
      expect(broken, role).toEqual([])
    }
  })

  test('for the demo admin', async ({ request }, testInfo) => {
    test.setTimeout(120_000)
    const baseURL = testInfo.project.use.baseURL!
    const session = await insertSessionCookie(DEMO_ACCOUNTS.admin.email, baseURL)
    const { broken, visited } = await crawl(request, PORTALS.admin.home, baseURL, `${session.name}=${session.value}`)
    expect(visited).toBeGreaterThan(40)
    expect(broken).toEqual([])
  })
})

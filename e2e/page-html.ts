import fs from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Response } from '@playwright/test'

/** Where the no-js project keeps the server's HTML of the pages it visits (playwright.config.ts sets it). */
export function pageHtmlDir(): string {
  const dir = process.env.E2E_HTML_DIR
  if (!dir) throw new Error('E2E_HTML_DIR is not set (playwright.config.ts sets it)')
  return dir
}

const ID_SEGMENT = /^([0-9a-f-]{16,}|\d+|[\w-]{20,})$/i

/**
 * One name per kind of page: ids become ":id", and only the names of the query's non-empty
 * parameters count (a search with a query shows more than the bare list). So
 * "/contracts/3f2c…/milestones/9a1b…/dispute" is "contracts+:id+milestones+:id+dispute" and
 * "/projects?q=go&page=2" is "projects?page&q".
 */
function pagePattern(url: string): string {
  const { pathname, searchParams } = new URL(url)
  const segments = pathname.split('/').filter(Boolean)
  const path = segments.map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment)).join('+') || 'home'
  const query = [...new Set([...searchParams].filter(([, value]) => value).map(([name]) => name))].sort().join('&')
  return query ? `${path}?${query}` : path
}

const claimed = new Set<string>()

async function keep(response: Response, dir: string): Promise<void> {
  const request = response.request()
  if (request.resourceType() !== 'document' || !response.headers()['content-type']?.startsWith('text/html')) return
  if (response.status() >= 300 && response.status() < 400) return
  // A form's answer (a 400 with its errors, say) is a page of its own, next to the GET of the same path.
  const name = `${pagePattern(response.url())}.${request.method()}.${response.status()}.html`
  const file = path.join(dir, name)
  if (claimed.has(name) || fs.existsSync(file)) return
  claimed.add(name)
  // The page may have moved on before its body was read; another test will see the same kind of page.
  const body = await response.body().catch(() => null)
  if (!body) {
    claimed.delete(name)
    return
  }
  try {
    fs.writeFileSync(file, body, { flag: 'wx' })
    fs.writeFileSync(`${file}.url`, response.url())
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
}

/**
 * Saves the HTML of each kind of page the context loads (the first one seen, per path pattern,
 * method and status), for the Nu HTML Checker after the run (e2e/html-check.ts).
 */
export function keepPageHtml(context: BrowserContext): () => Promise<void> {
  const dir = pageHtmlDir()
  const pending: Promise<void>[] = []
  context.on('response', (response) => void pending.push(keep(response, dir)))
  return async () => {
    await Promise.all(pending)
  }
}

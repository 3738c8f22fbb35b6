import AxeBuilder from '@axe-core/playwright'
import { type Browser, isJavaScriptEnabled, type Page, type TestInfo } from './fixtures'

// WCAG 2.1 A and AA rules, colour contrast included.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * A browser for axe, which is itself a script, so scripts are always allowed. In the no-js project
 * the app's own scripts are served empty, so what is audited is the page a browser without
 * JavaScript gets (empty rather than failed loads, so no test fails on console errors for them).
 */
export async function newAuditContext(
  browser: Browser,
  testInfo: TestInfo,
  colorScheme?: 'light' | 'dark' | 'no-preference' | null,
) {
  const { baseURL, viewport, userAgent } = testInfo.project.use
  const context = await browser.newContext({ baseURL, viewport, userAgent, colorScheme, javaScriptEnabled: true })
  if (!isJavaScriptEnabled(testInfo))
    await context.route('**/build/**/*.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }))
  return context
}

/**
 * The WCAG AA violations on the page at `path` (default: the page as it is), one line each; none passes.
 * Legacy mode runs axe once in the page: the default mode opens a second page per scan to merge the
 * frames' results, and the app has no frames (the only thing legacy mode skips is cross-origin frames).
 * Only violations are collected in full, which is all this reports (same rules, same verdicts).
 */
export async function wcagViolations(page: Page, path?: string): Promise<string[]> {
  if (path) await page.goto(path)
  const where = path ?? new URL(page.url()).pathname
  // axe-core is half a megabyte of script, which the builder evaluates twice a scan: on a page it
  // already ran on (the second theme, or a state after a click), a no-op source reuses the copy there.
  const loaded = await page.evaluate(() => 'axe' in window)
  const { violations } = await new AxeBuilder({ page, ...(loaded && { axeSource: ';' }) })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_TAGS)
    .analyze()
  return violations.map((v) => `${where}: ${v.id} at ${v.nodes.map((n) => n.target).join(', ')}`)
}

/**
 * The violations on the page at `path` (default: as it is) in the light and then the dark theme,
 * each line naming its theme. The theme follows the system setting (prefers-color-scheme) unless
 * the account chose one, so one page load serves both scans.
 */
export async function wcagViolationsInBothThemes(page: Page, path?: string): Promise<string[]> {
  if (path) await page.goto(path)
  const found: string[] = []
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    found.push(...(await wcagViolations(page)).map((line) => `${colorScheme}: ${line}`))
  }
  return found
}

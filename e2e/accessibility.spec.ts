import AxeBuilder from '@axe-core/playwright'
import { DEMO_ACCOUNTS, expect, isJavaScriptEnabled, type Page, type Role, signIn, signInAsSeededAdmin, test } from './fixtures'

// WCAG 2.1 A and AA rules (colour contrast included) on every kind of page, in both themes.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

const PUBLIC_PAGES = ['/', '/sign-in', '/sign-up', '/forgot-password', '/reset-password', '/no-such-page']
const PORTAL_PAGES: Array<{ role: Role; paths: string[] }> = [
  { role: 'client', paths: ['/client', '/settings', '/admin', '/settings/security', '/settings/security/log', '/settings/security/authenticator'] },
  { role: 'freelancer', paths: ['/freelancer', '/settings', '/settings/password', '/settings/sessions', '/settings/security/phone', '/settings/security/passkeys'] },
  { role: 'admin', paths: ['/admin', '/admin/users', '/admin/outbox', '/settings/appearance', '/admin/security-events', '/admin/ip-blocklist'] },
]

async function expectNoViolations(page: Page, path: string) {
  await page.goto(path)
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  expect(violations.map((v) => `${path}: ${v.id} at ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

/**
 * axe runs as a script, so the audited browser always allows scripts. In the no-js project the
 * app's own scripts are replaced by empty ones, so what is audited is the page a browser without JavaScript gets.
 */
const audit = test.extend<{ auditedPage: Page }>({
  auditedPage: async ({ browser, colorScheme }, use, testInfo) => {
    const { baseURL, viewport, userAgent } = testInfo.project.use
    const context = await browser.newContext({ baseURL, viewport, userAgent, colorScheme, javaScriptEnabled: true })
    // Empty modules rather than failed loads, so the console stays clean for the page-error check.
    if (!isJavaScriptEnabled(testInfo)) await context.route('**/build/**/*.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }))
    await use(await context.newPage())
    await context.close()
  },
})

for (const colorScheme of ['light', 'dark'] as const) {
  audit.describe(`${colorScheme} theme`, () => {
    audit.use({ colorScheme })

    audit('public pages pass the WCAG AA checks', async ({ auditedPage }) => {
      for (const path of PUBLIC_PAGES) await expectNoViolations(auditedPage, path)
    })

    for (const { role, paths } of PORTAL_PAGES) {
      audit(`${role} portal pages pass the WCAG AA checks`, async ({ auditedPage }, testInfo) => {
        if (role === 'admin') await signInAsSeededAdmin(auditedPage, testInfo)
        else await signIn(auditedPage, DEMO_ACCOUNTS[role], role)
        for (const path of paths) await expectNoViolations(auditedPage, path)
      })
    }
  })
}

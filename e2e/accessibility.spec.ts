import { newAuditContext, wcagViolationsInBothThemes } from './axe-audit'
import { DEMO_ACCOUNTS, expect, type Page, type Role, signInAsSeededAdmin, test } from './fixtures'
import { signInWithoutForm } from './user-fixtures'

// WCAG 2.1 A and AA rules (colour contrast included) on every kind of page, in both themes.
const PUBLIC_PAGES = ['/', '/sign-in', '/sign-up', '/forgot-password', '/reset-password', '/no-such-page']
const PORTAL_PAGES: Array<{ role: Role; paths: string[] }> = [
  {
    role: 'client',
    paths: [
      '/client',
      '/settings',
      '/admin',
      '/settings/security',
      '/settings/security/log',
      '/settings/security/authenticator',
    ],
  },
  {
    role: 'freelancer',
    paths: [
      '/freelancer',
      '/settings',
      '/settings/password',
      '/settings/email',
      '/settings/sessions',
      '/settings/security/phone',
      '/settings/security/passkeys',
    ],
  },
  {
    role: 'admin',
    paths: [
      '/admin',
      '/admin/users',
      '/admin/outbox',
      '/settings/appearance',
      '/admin/security-events',
      '/admin/ip-blocklist',
      '/admin/calls',
      '/admin/ai',
    ],
  },
]

/** Each page is loaded once and scanned in the light and the dark theme. */
async function expectNoViolations(page: Page, paths: string[]) {
  const found: string[] = []
  for (const path of paths) found.push(...(await wcagViolationsInBothThemes(page, path)))
  expect(found).toEqual([])
}

/** The audited browser: see newAuditContext. */
const audit = test.extend<{ auditedPage: Page }>({
  auditedPage: async ({ browser }, use, testInfo) => {
    const context = await newAuditContext(browser, testInfo)
    await use(await context.newPage())
    await context.close()
  },
})

// Twelve scans a test: generous on a busy 2-core machine.
audit.describe.configure({ timeout: 150_000 })

audit('public pages pass the WCAG AA checks in both themes', async ({ auditedPage }) => {
  await expectNoViolations(auditedPage, PUBLIC_PAGES)
})

// On a phone a wide table scrolls sideways: a keyboard must reach it to scroll it (the Market's
// tables of figures have no link to tab to, so the table itself is in the tab order).
audit('on a 360 px phone the Market passes the WCAG AA checks in both themes', async ({ auditedPage }) => {
  await auditedPage.setViewportSize({ width: 360, height: 740 })
  await expectNoViolations(auditedPage, ['/market'])
})

for (const { role, paths } of PORTAL_PAGES) {
  audit(`${role} portal pages pass the WCAG AA checks in both themes`, async ({ auditedPage }, testInfo) => {
    // The sign-in form is audited with the public pages and tested in auth.spec.ts.
    if (role === 'admin') await signInAsSeededAdmin(auditedPage, testInfo)
    else await signInWithoutForm(auditedPage, testInfo, DEMO_ACCOUNTS[role].email, role)
    await expectNoViolations(auditedPage, paths)
  })
}

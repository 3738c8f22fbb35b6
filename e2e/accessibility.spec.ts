import { newAuditContext, wcagViolations } from './axe-audit'
import { DEMO_ACCOUNTS, expect, type Page, type Role, signIn, signInAsSeededAdmin, test } from './fixtures'

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
    ],
  },
]

async function expectNoViolations(page: Page, path: string) {
  expect(await wcagViolations(page, path)).toEqual([])
}

/** The audited browser: see newAuditContext. */
const audit = test.extend<{ auditedPage: Page }>({
  auditedPage: async ({ browser, colorScheme }, use, testInfo) => {
    const context = await newAuditContext(browser, testInfo, colorScheme)
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

import type { Browser, Page, TestInfo } from '@playwright/test'
import { expect, makeUser, type NewUser, type SignUpRole } from './fixtures'

/** Addresses in the shipped GeoIP data (geoip-lite's test ranges). */
export const UK_IP = '81.2.69.142'
export const US_IP = '216.160.83.56'

/**
 * Another browser that appears to come from `ip`: the e2e server trusts X-Forwarded-For
 * (TRUST_PROXY=true). Same JavaScript setting as the project the test runs in.
 */
export async function browserFrom(browser: Browser, testInfo: TestInfo, ip: string) {
  const { baseURL, viewport, userAgent, javaScriptEnabled } = testInfo.project.use
  return browser.newContext({
    baseURL,
    viewport,
    userAgent,
    javaScriptEnabled: javaScriptEnabled !== false,
    extraHTTPHeaders: { 'X-Forwarded-For': ip },
  })
}

/** A new user with a name the test can look for on the page. */
export function userWithPlainName(role: SignUpRole, name: string): NewUser {
  return { ...makeUser(role), name }
}

/** The admin narrows the security events to one account (exact email) and a severity. */
export async function filterSecurityEvents(adminPage: Page, email: string, severity: string) {
  await adminPage.goto('/admin/security-events')
  const filters = adminPage.getByRole('search', { name: 'Filter security events' })
  await filters.getByLabel('Severity').selectOption({ label: severity })
  await filters.getByLabel('Account email').fill(email)
  await filters.getByLabel('Email match').selectOption({ label: 'Exactly' })
  await filters.getByRole('button', { name: 'Filter' }).click()
  await expect(adminPage).toHaveURL((url) => url.searchParams.get('email') === email)
  return adminPage.getByRole('list', { name: 'Security events' }).getByRole('listitem')
}

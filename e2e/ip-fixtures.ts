import type { Browser, TestInfo } from '@playwright/test'
import { makeUser, type NewUser, type SignUpRole } from './fixtures'

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

/**
 * A new user whose name has no digits: makeUser's names end in 6 random hex characters, and when
 * those are all digits the outbox code reader takes the name for the code.
 */
export function userWithPlainName(role: SignUpRole, name: string): NewUser {
  return { ...makeUser(role), name }
}

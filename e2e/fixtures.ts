import crypto from 'node:crypto'
import { insertSessionCookie, latestOutboxMessage, readCodeFromOutbox, recentCodesFromOutbox } from './db-fixtures'
import { keepPageHtml } from './page-html'
import { expect, test as base, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test'

/** The seeded demo accounts (scripts/seed.ts). Tests only sign in with them, never change them. */
const DEMO_PASSWORD = 'MegiLance-demo-2026'
export const DEMO_ACCOUNTS = {
  admin: { email: 'admin@megilance.test', password: DEMO_PASSWORD, name: 'Ada Admin' },
  client: { email: 'client@megilance.test', password: DEMO_PASSWORD, name: 'Clara Client' },
  freelancer: { email: 'freelancer@megilance.test', password: DEMO_PASSWORD, name: 'Felix Freelancer' },
} as const

export type Role = 'client' | 'freelancer' | 'admin'
export type SignUpRole = Exclude<Role, 'admin'>

export const PORTALS: Record<Role, { home: string; nav: string }> = {
  client: { home: '/client', nav: 'Client portal' },
  freelancer: { home: '/freelancer', nav: 'Freelancer portal' },
  admin: { home: '/admin', nav: 'Admin portal' },
}

const ROLE_CHOICES: Record<SignUpRole, string> = { client: 'I want to hire', freelancer: 'I want to work' }

export type Credentials = { email: string; password: string }
export type NewUser = Credentials & { role: SignUpRole; name: string }

function suffix(): string {
  return `${Date.now().toString(36)}${crypto.randomBytes(4).toString('hex')}`
}

/** An address no other test (or project, or run) uses. */
export function uniqueEmail(label = 'user'): string {
  return `${label}-${suffix()}@e2e.megilance.test`
}

/** A password that is long enough and on no common-password list. */
export function uniquePassword(): string {
  return `Quartz-${crypto.randomBytes(6).toString('hex')}-lantern`
}

/**
 * One password for the accounts a worker makes (each test process has its own): the fixtures that
 * create accounts without the form then hash it once, not once an account (argon2 costs a fifth of
 * a second of CPU), as the seed shares one hash. Tests that change a password use `uniquePassword`.
 */
const WORKER_PASSWORD = uniquePassword()

/** The details for a new account; nothing is created until `signUp` is called. */
export function makeUser(role: SignUpRole): NewUser {
  const id = suffix()
  const first = role === 'client' ? 'Carmen' : 'Farid'
  return { role, name: `${first} Tester ${id.slice(-6)}`, email: uniqueEmail(role), password: WORKER_PASSWORD }
}

export function isJavaScriptEnabled(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled !== false
}

/** Resolves once the page shows `pathname` (any query string). */
export async function expectPath(page: Page, pathname: string) {
  await expect(page).toHaveURL((url) => url.pathname === pathname)
}

export function toast(page: Page) {
  return page.getByRole('status')
}

/** Expects the dashboard of `role` with its portal navigation. */
export async function expectPortal(page: Page, role: Role) {
  await expectPath(page, PORTALS[role].home)
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: PORTALS[role].nav })).toBeVisible()
}

/** Fills the sign-up form without submitting it. */
export async function fillSignUp(page: Page, user: Partial<NewUser>) {
  if (user.role) {
    await page
      .getByRole('group', { name: 'How will you use MegiLance?' })
      .getByRole('radio', { name: ROLE_CHOICES[user.role] })
      .check()
  }
  if (user.name !== undefined) await page.getByLabel('Full name').fill(user.name)
  if (user.email !== undefined) await page.getByLabel('Email').fill(user.email)
  if (user.password !== undefined) await page.getByLabel('Password (required)', { exact: true }).fill(user.password)
}

/** Creates the account through the sign-up form; the browser ends up signed in on the portal. */
export async function signUp(page: Page, user: NewUser = makeUser('client')): Promise<NewUser> {
  await page.goto('/sign-up')
  await fillSignUp(page, user)
  await page.getByRole('button', { name: 'Create account' }).click()
  await finishSignUpWithCode(page, user.email)
  await expectPortal(page, user.role)
  await expect(toast(page)).toHaveText(`Welcome to MegiLance, ${user.name}. Your account is ready.`)
  return user
}

/** On "Check your email" after the sign-up form: enters the emailed code, which creates the account. */
export async function finishSignUpWithCode(page: Page, email: string) {
  await expectPath(page, '/sign-up/verify')
  await page.getByLabel('Code').fill(await readCodeFromOutbox(email, 'Your MegiLance sign-up code%'))
  await page.getByRole('button', { name: 'Create account' }).click()
}

/**
 * On the "Confirm it is you" step (sign-in or a sensitive change), confirms with an emailed code:
 * sends one unless it was just sent, then enters it.
 */
export async function confirmWithEmailCode(page: Page, email: string) {
  await expect(page.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible()
  const sendButton = page.getByRole('button', { name: 'Send a code', exact: true })
  if (await sendButton.isVisible()) {
    await sendButton.click()
    await expect(page.getByText(/We sent a 6-digit code/)).toBeVisible()
  }
  const newest = await readCodeFromOutbox(email, 'Your MegiLance security code%')
  // Another test may be signing in to the same account at the same moment: each sign-in has its
  // own code, so try the newest few until one is ours.
  for (const code of [
    newest,
    ...(await recentCodesFromOutbox(email, 'Your MegiLance security code%', 3)).filter((c) => c !== newest),
  ]) {
    await page.getByLabel('Code').fill(code)
    await page.getByRole('button', { name: 'Confirm' }).click()
    const outcome = await Promise.race([
      page.waitForURL((url) => !url.pathname.endsWith('/verify')).then(() => 'passed'),
      page
        .getByRole('alert')
        .filter({ hasText: 'That code is not right' })
        .waitFor()
        .then(() => 'wrong'),
    ])
    if (outcome === 'passed') return
    // The refusal arrives before the page has finished reloading its data (with JavaScript the button
    // stays disabled until then, and the form is redrawn): start the next try on a settled page.
    await page.reload()
  }
}

/** Fills and submits the sign-in form on the current page (or /sign-in when elsewhere). */
export async function submitSignIn(page: Page, { email, password }: Credentials) {
  if (new URL(page.url()).pathname !== '/sign-in') await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password (required)', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/**
 * Signs in and waits for the portal of `role`. Admins always, and others when the risk check
 * asks, confirm with a code emailed to them (their accounts in these tests have no other factor).
 */
export async function signIn(page: Page, credentials: Credentials, role: Role) {
  await submitSignIn(page, credentials)
  await expect(page).toHaveURL((url) => url.pathname === PORTALS[role].home || url.pathname === '/sign-in/verify')
  if (new URL(page.url()).pathname === '/sign-in/verify') await confirmWithEmailCode(page, credentials.email)
  await expectPortal(page, role)
  await expect(toast(page)).toHaveText(`Signed in as ${credentials.email}.`)
}

export async function signOut(page: Page) {
  await page.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Sign out' }).click()
  await expectPath(page, '/')
  await expect(toast(page)).toHaveText('You are signed out.')
  await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' })).toBeVisible()
}

/**
 * A second browser, like another person at another computer. It has the same JavaScript setting
 * as the project the test runs in.
 */
export async function newBrowserContext(browser: Browser, testInfo: TestInfo) {
  const { baseURL, viewport, userAgent, javaScriptEnabled } = testInfo.project.use
  return browser.newContext({ baseURL, viewport, userAgent, javaScriptEnabled: javaScriptEnabled !== false })
}

/**
 * Opens the newest password reset email for `email` in the admin outbox: the admin reads the email
 * but not its code, which is masked for everyone but its owner. The code comes from the stored
 * message, as the person's own mailbox would show it.
 */
export async function readResetCodeFromOutbox(adminPage: Page, email: string): Promise<string> {
  await adminPage.goto('/admin/outbox')
  await adminPage.getByRole('search', { name: 'Find emails' }).getByLabel('Recipient').fill(email)
  await adminPage.getByRole('button', { name: 'Search' }).click()
  await expect(adminPage).toHaveURL((url) => url.searchParams.get('to') === email)
  const subject = 'Your MegiLance password reset code'
  await adminPage.getByRole('row').filter({ hasText: email }).getByRole('link', { name: subject }).first().click()
  const message = adminPage.getByRole('article', { name: subject })
  await expect(message).toContainText(email)
  await expect(message.getByText('Your password reset code is: ••••••')).toBeVisible()
  await expect(message.getByText(/The code in this message is masked/)).toBeVisible()
  const code = (await latestOutboxMessage(email, subject))?.text?.match(/Your password reset code is: (\d{8})/)?.[1]
  if (!code) throw new Error(`No reset code in the email to ${email}`)
  return code
}

/**
 * Signs this browser in as the seeded admin by writing a session. Admin sign-in through the form
 * (with its emailed code) is tested in auth.spec; elsewhere parallel tests would otherwise all
 * be waiting on codes sent to the one admin address.
 */
export async function signInAsSeededAdmin(page: Page, testInfo: TestInfo) {
  await page.context().addCookies([await insertSessionCookie(DEMO_ACCOUNTS.admin.email, testInfo.project.use.baseURL!)])
  await page.goto(PORTALS.admin.home)
  await expectPortal(page, 'admin')
}

/**
 * What a page logged that a person would never see but a broken page causes: console errors (CSP
 * refusals among them, "Refused to …") and uncaught exceptions. Every test fails on them.
 */
async function watchForPageErrors(context: BrowserContext, problems: string[]) {
  // Chromium does not log a refused eval that the page caught; the violation event still fires.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} at ${event.sourceFile}:${event.lineNumber}`,
      )
    })
  })
  context.on('console', (message) => {
    if (message.type() !== 'error' && !/Content Security Policy|Refused to/.test(message.text())) return
    if (EXPECTED_CONSOLE_ERRORS.some((expected) => expected.test(message.text()))) return
    problems.push(`console ${message.type()} on ${message.page()?.url() ?? '?'}: ${message.text()}`)
  })
  context.on('weberror', (error) =>
    problems.push(`uncaught error on ${error.page()?.url() ?? '?'}: ${error.error().message}`),
  )
}

/**
 * Console errors a test causes on purpose. Chromium logs every 4xx/5xx response as "Failed to
 * load resource"; the statuses below are the app's documented answers to bad input (DESIGN.md:
 * 400 validation, 403 wrong role, 404 not found or not yours, 409 not allowed now, 429 too many
 * tries), which tests provoke deliberately. A 402 or a 500 is never expected.
 */
const EXPECTED_CONSOLE_ERRORS: RegExp[] = [
  /^Failed to load resource: the server responded with a status of (400|403|404|409|429) /,
]

type Fixtures = {
  /** A page in its own browser context, signed in as the seeded admin. */
  adminPage: Page
  /**
   * Automatic, over every browser context of the test: fails it when a page logged an error, and in
   * the no-js project keeps the server's HTML of each kind of page for the HTML check (e2e/html-check.ts).
   */
  watchPages: void
}

export const test = base.extend<Fixtures>({
  watchPages: [
    async ({ context, browser }, use, testInfo) => {
      const problems: string[] = []
      const htmlSaves: Array<() => Promise<void>> = []
      const watch = async (watched: BrowserContext) => {
        await watchForPageErrors(watched, problems)
        // Server HTML is the same in both projects; without JavaScript every page is a document load.
        if (!isJavaScriptEnabled(testInfo)) htmlSaves.push(keepPageHtml(watched))
      }
      await watch(context)
      // Second browsers (newBrowserContext, browser.newPage) are watched too, for this test only.
      const newContext = browser.newContext.bind(browser)
      browser.newContext = async (options) => {
        const created = await newContext(options)
        await watch(created)
        return created
      }
      await use()
      browser.newContext = newContext
      await Promise.all(htmlSaves.map((saved) => saved()))
      expect(problems, 'The pages logged errors or CSP violations').toEqual([])
    },
    { auto: true },
  ],
  adminPage: async ({ browser }, use, testInfo) => {
    const context = await newBrowserContext(browser, testInfo)
    const page = await context.newPage()
    await signInAsSeededAdmin(page, testInfo)
    await use(page)
    await context.close()
  },
})

export { expect }
export type { Browser, BrowserContext, Page, TestInfo }

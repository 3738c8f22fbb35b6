import './app-env'
import type { Page, TestInfo } from '@playwright/test'
import { findUserByEmail, insertUser } from '~/models/users.server'
import { hashPassword } from '~/services/accounts/passwords.server'
import { signInNewAccount } from '~/services/security/sign-in.server'
import { cookiePlace } from './db-fixtures'
import { expectPortal, makeUser, type NewUser, PORTALS, type Role } from './fixtures'

type BrowserCookie = Parameters<ReturnType<Page['context']>['addCookies']>[0][number]

/** The cookies of Set-Cookie headers, for a browser context at `url`. */
function cookiesOf(headers: [string, string][], url: string): BrowserCookie[] {
  return headers
    .filter(([name]) => name.toLowerCase() === 'set-cookie')
    .map(([, header]) => {
      const [pair, ...attributes] = header.split(';').map((part) => part.trim())
      const [name, value] = pair!.split(/=(.*)/s)
      const attribute = (key: string) => attributes.find((part) => part.toLowerCase().startsWith(key))?.split('=')[1]
      const maxAge = attribute('max-age=')
      const sameSite = attribute('samesite=')?.toLowerCase()
      return {
        name: name!,
        value: value ?? '',
        ...cookiePlace(
          url,
          attributes.some((part) => part.toLowerCase() === 'secure'),
        ),
        httpOnly: attributes.some((part) => part.toLowerCase() === 'httponly'),
        sameSite: sameSite === 'strict' ? 'Strict' : sameSite === 'none' ? 'None' : 'Lax',
        ...(maxAge && { expires: Math.floor(Date.now() / 1000) + Number(maxAge) }),
      }
    })
}

/**
 * Where a browser signed in by a fixture opens: its portal (the default), or `at`, a path, for a test
 * whose first step is that page (one page load, not two).
 */
type Landing = { at?: string }

/**
 * A new account made by the app's own model and password hashing, as the emailed code of a sign-up
 * would make it, then signed in in this page's browser by the app's own sign-in code (session and
 * device cookies), on its portal (or `at`). For tests that need an account, not the sign-up form
 * (that is tested in auth.spec.ts and email-codes.spec.ts).
 */
export async function signUpWithoutForm(
  page: Page,
  testInfo: TestInfo,
  user: NewUser = makeUser('client'),
  landing: Landing = {},
): Promise<NewUser> {
  const created = await insertAccount(user)
  await openSignedIn(page, testInfo, created, user.role, landing)
  return user
}

/**
 * The same account, signed in nowhere: for the other side of a contract whose browser the test never
 * opens (a second browser only to sign in and close costs a page load).
 */
export async function createAccountWithoutBrowser(user: NewUser): Promise<NewUser> {
  await insertAccount(user)
  return user
}

/** Hashes by password, made once each (makeUser gives a worker's accounts one password). */
const hashes = new Map<string, Promise<string>>()

function insertAccount(user: NewUser) {
  let hashed = hashes.get(user.password)
  if (!hashed) hashes.set(user.password, (hashed = hashPassword(user.password)))
  return hashed.then((passwordHash) =>
    insertUser({ email: user.email, name: user.name, role: user.role, passwordHash }),
  )
}

/**
 * Signs the browser in by the app's own sign-in code (session and device cookies), then opens the
 * portal, or the page `at` (signed in: not sent to sign-in).
 */
async function openSignedIn(page: Page, testInfo: TestInfo, user: { id: string }, role: Role, { at }: Landing) {
  const { baseURL, userAgent } = testInfo.project.use
  const request = new Request(baseURL!, { headers: { 'user-agent': userAgent ?? 'e2e fixture' } })
  const headers = await signInNewAccount(user, request, '127.0.0.1')
  await page.context().addCookies(cookiesOf(headers, baseURL!))
  if (at) {
    await page.goto(at)
    if (new URL(page.url()).pathname === '/sign-in') throw new Error(`Opening ${at} signed in went to sign-in`)
    return
  }
  await page.goto(PORTALS[role].home)
  await expectPortal(page, role)
}

/**
 * Signs an existing account in without the form, as a sign-in that needed no second factor would,
 * on its portal (or `at`). For tests where the sign-in form is not what is tested (auth.spec.ts tests it).
 */
export async function signInWithoutForm(
  page: Page,
  testInfo: TestInfo,
  email: string,
  role: Role,
  landing: Landing = {},
) {
  const user = await findUserByEmail(email)
  if (!user) throw new Error(`No user ${email}`)
  await openSignedIn(page, testInfo, user, role, landing)
}

import { latestOutboxMessage, readCodeFromOutbox } from './db-fixtures'
import {
  DEMO_ACCOUNTS,
  expect,
  expectPath,
  expectPortal,
  fillSignUp,
  finishSignUpWithCode,
  isJavaScriptEnabled,
  makeUser,
  signIn,
  signOut,
  signUp,
  submitSignIn,
  test,
  toast,
  type SignUpRole,
} from './fixtures'
import { createAccountWithoutBrowser, signUpWithoutForm } from './user-fixtures'

const SIGN_UP_ROLES: SignUpRole[] = ['client', 'freelancer']

for (const role of SIGN_UP_ROLES) {
  test(`a ${role} signs up, signs out, signs back in to the portal and signs out`, async ({ page }) => {
    const user = await signUp(page, makeUser(role))
    await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(user.name)
    // A newcomer is welcomed, not welcomed back, and shown the first step.
    const firstStep = role === 'client' ? 'Post your first project' : 'Complete your profile'
    await expect(page.getByText(`Welcome, ${user.name}. Next step: ${firstStep}.`)).toBeVisible()
    await expect(page.getByText(/Welcome back/)).toHaveCount(0)

    await signOut(page)
    // Signed out for real: the portal now asks for a sign-in.
    await page.goto(`/${role}`)
    await expectPath(page, '/sign-in')

    await signIn(page, user, role)
    await expect(page.getByText(`Welcome back, ${user.name}`)).toBeVisible()
    await signOut(page)
  })
}

test('the seeded admin signs in to the admin portal and signs out', async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.admin, 'admin')
  const portalNav = page.getByRole('navigation', { name: 'Admin portal' })
  await expect(portalNav.getByRole('link', { name: 'Users' })).toBeVisible()
  await expect(portalNav.getByRole('link', { name: 'Outbox' })).toBeVisible()
  await signOut(page)
  await page.goto('/admin')
  await expectPath(page, '/sign-in')
})

test('an anonymous visit to a portal page goes to sign-in and comes back after it', async ({ page }) => {
  const user = await createAccountWithoutBrowser(makeUser('freelancer'))

  await page.goto('/settings/appearance')
  await expect(page).toHaveURL(
    (url) => url.pathname === '/sign-in' && url.searchParams.get('redirectTo') === '/settings/appearance',
  )
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()

  await submitSignIn(page, user)
  await expectPath(page, '/settings/appearance')
  await expect(page.getByRole('heading', { level: 2, name: 'Appearance' })).toBeVisible()
  await expect(toast(page)).toHaveText(`Signed in as ${user.email}.`)
})

test('sign-in does not follow a redirect to another site', async ({ page }) => {
  const user = await createAccountWithoutBrowser(makeUser('client'))
  await page.goto('/sign-in?redirectTo=//evil.example/steal')
  await submitSignIn(page, user)
  await expectPortal(page, 'client')
})

test('a wrong password is refused and the email is kept', async ({ page }, testInfo) => {
  const user = await createAccountWithoutBrowser(makeUser('client'))

  await submitSignIn(page, { email: user.email, password: `${user.password}-wrong` })
  await expect(page.getByRole('alert')).toHaveText('The email or password is not right.')
  await expectPath(page, '/sign-in')
  await expect(page.getByLabel('Email')).toHaveValue(user.email)
  // A re-rendered page never sends a password back.
  if (!isJavaScriptEnabled(testInfo))
    await expect(page.getByLabel('Password (required)', { exact: true })).toHaveValue('')
  // Still signed out.
  await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' })).toBeVisible()

  await submitSignIn(page, user)
  await expectPortal(page, 'client')
})

// A locked sign-in answers 429 and says in the page how long to wait; the answer's Retry-After says
// it too, to a browser without JavaScript as well (its page is the HTML answer of the post itself).
test('after five wrong passwords the sign-in waits, and the answer says how long', async ({ page }) => {
  const user = await createAccountWithoutBrowser(makeUser('client'))
  const signInPost = () =>
    page.waitForResponse(
      (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/sign-in',
    )
  for (let attempt = 1; attempt <= 5; attempt++) {
    const answer = signInPost()
    await submitSignIn(page, { email: user.email, password: `${user.password}-wrong-${attempt}` })
    expect((await answer).status()).toBe(400)
  }
  const answer = signInPost()
  await submitSignIn(page, user)
  const locked = await answer
  expect(locked.status()).toBe(429)
  expect(Number(locked.headers()['retry-after'])).toBeGreaterThan(0)
  await expect(page.getByRole('alert')).toHaveText(/^Too many attempts\. Try again in /)
})

test('a common password is refused at sign-up and the other values are kept', async ({ page }, testInfo) => {
  const user = makeUser('freelancer')
  await page.goto('/sign-up')
  await fillSignUp(page, { ...user, password: 'password123' })
  await page.getByRole('button', { name: 'Create account' }).click()

  await expect(page.getByText(/This password is too common/)).toBeVisible()
  await expectPath(page, '/sign-up')
  await expect(page.getByRole('radio', { name: 'I want to work' })).toBeChecked()
  await expect(page.getByLabel('Full name')).toHaveValue(user.name)
  await expect(page.getByLabel('Email')).toHaveValue(user.email)
  if (!isJavaScriptEnabled(testInfo))
    await expect(page.getByLabel('Password (required)', { exact: true })).toHaveValue('')

  // Nothing was created: a good password with the same details still works.
  await page.getByLabel('Password (required)', { exact: true }).fill(user.password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await finishSignUpWithCode(page, user.email)
  await expectPortal(page, 'freelancer')
})

test('invalid sign-up values show errors and keep what was typed', async ({ page }, testInfo) => {
  await page.goto('/sign-up')
  // The valid name is typed last. With JavaScript, leaving a field that has an error shows the error at once
  // and moves the button, so a click made straight from an invalid field would not reach it.
  await fillSignUp(page, { email: 'zoe-at-example', password: 'short' })
  await fillSignUp(page, { name: 'Zoë Example' })
  const submitted = isJavaScriptEnabled(testInfo)
    ? null
    : page.waitForResponse(
        (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/sign-up',
      )
  await page.getByRole('button', { name: 'Create account' }).click()
  // Without JavaScript the server answers the post with the form and a 400.
  if (submitted) expect((await submitted).status()).toBe(400)

  // Each message next to its field, and above the form a summary that links to each field.
  await expect(page.getByText('Choose whether you hire or work', { exact: true })).toBeVisible()
  await expect(page.getByText('Enter a valid email address', { exact: true })).toBeVisible()
  await expect(page.getByText('Use at least 8 characters', { exact: true })).toBeVisible()
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) })
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link')).toHaveText([
    /^How will you use MegiLance\?: Choose whether you hire or work/,
    /^Email: Enter a valid email address/,
    /^Password: Use at least 8 characters/,
  ])
  await expectPath(page, '/sign-up')
  await expect(page.getByLabel('Full name')).toHaveValue('Zoë Example')
  await expect(page.getByLabel('Email')).toHaveValue('zoe-at-example')
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true')
})

test('signing up with a registered email looks the same as a new one and creates nothing', async ({ page }) => {
  const user = makeUser('client')
  await createAccountWithoutBrowser(user)

  await page.goto('/sign-up')
  await fillSignUp(page, { ...user, role: 'freelancer', name: 'Someone Else' })
  await page.getByRole('button', { name: 'Create account' }).click()
  // The same page a new address gets: nothing says whether the email has an account.
  await expectPath(page, '/sign-up/verify')
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  await expect.poll(() => latestOutboxMessage(user.email, 'Someone tried to sign up%')).toBeTruthy()
  await page.getByLabel('Code').fill('123456')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('alert')).toHaveText('That code is not right, or it has expired. Check the latest email.')
  await signIn(page, user, 'client')
})

test('a new account needs the code emailed to its address', async ({ page }) => {
  const user = makeUser('freelancer')
  await page.goto('/sign-up')
  await fillSignUp(page, user)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expectPath(page, '/sign-up/verify')
  await expect(page.getByText(user.email)).toBeVisible()
  const code = await readCodeFromOutbox(user.email, 'Your MegiLance sign-up code%')
  await page.getByLabel('Code').fill(code === '000000' ? '111111' : '000000')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('alert')).toHaveText('That code is not right, or it has expired. Check the latest email.')
  await page.getByLabel('Code').fill(code)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expectPortal(page, 'freelancer')
})

test('on the demo, where no email leaves the server, the sign-up email is shown on the page', async ({ page }) => {
  const user = makeUser('client')
  await page.goto('/sign-up')
  await fillSignUp(page, user)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expectPath(page, '/sign-up/verify')
  // A newcomer has no outbox and no shell: the page itself holds the message and its code.
  const email = page.getByRole('region', { name: 'The email, on this demo' })
  await expect(email).toContainText(`Hello ${user.name},`)
  const code = (await email.textContent())?.match(/code is: (\d{6})/)?.[1]
  expect(code).toBe(await readCodeFromOutbox(user.email, 'Your MegiLance sign-up code%'))
  await page.getByLabel('Code').fill(code!)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expectPortal(page, 'client')
})

test('a signed-in user who opens sign-in or sign-up is taken to their portal', async ({ page }, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  await page.goto('/sign-in')
  await expectPortal(page, 'freelancer')
  await page.goto('/sign-up')
  await expectPortal(page, 'freelancer')
})

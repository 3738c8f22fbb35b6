import {
  expect,
  expectPath,
  fillSignUp,
  finishSignUpWithCode,
  isJavaScriptEnabled,
  makeUser,
  submitSignIn,
  test,
  toast,
} from './fixtures'
import { createFixedContract } from './contract-fixtures'
import { userIdByEmail } from './db-fixtures'
import { sendMessage, thread, waitForLiveComposer } from './messaging-helpers'
import { createOpenProject } from './projects-fixtures'
import { createAccountWithoutBrowser, signUpWithoutForm } from './user-fixtures'

/** What a first-time visitor met, and a newcomer's first messages, on a phone: and what now answers it. */

test.use({ viewport: { width: 360, height: 800 } })

test('a visitor who applies to a project without an account signs up and lands on the proposal form', async ({
  page,
}) => {
  const client = await createAccountWithoutBrowser(makeUser('client'))
  const { projectId, title } = await createOpenProject(client.email)

  await page.goto(`/projects/${projectId}`)
  await expect(
    page.getByText('You sign in or create a free account first, then come back to your proposal.'),
  ).toBeVisible()
  await page.getByRole('link', { name: 'Send a proposal' }).click()
  await expectPath(page, '/sign-in')
  // The promise above holds for the account they do not have yet, not only for signing in: from the
  // page's own link and from the header's alike.
  const headerSignUp = page.getByRole('banner').getByRole('link', { name: 'Sign up' })
  const pageSignUp = await page.getByRole('link', { name: 'Create an account' }).getAttribute('href')
  expect(pageSignUp).toContain('redirectTo=')
  await expect(headerSignUp).toHaveAttribute('href', pageSignUp!)
  await headerSignUp.click()
  await expectPath(page, '/sign-up')
  // A proposal is a freelancer's: the form says so before they choose.
  await expect(page.getByRole('radio', { name: /I want to work/ })).toBeChecked()
  const freelancer = makeUser('freelancer')
  await fillSignUp(page, freelancer)
  await page.getByRole('button', { name: 'Create account' }).click()
  await finishSignUpWithCode(page, freelancer.email)
  await expectPath(page, `/projects/${projectId}/propose`)
  await expect(toast(page)).toHaveText(`Welcome to MegiLance, ${freelancer.name}. Your account is ready.`)
  await expect(page.getByRole('heading', { level: 1, name: 'Send a proposal' })).toBeVisible()
  await expect(page.getByRole('link', { name: title })).toBeVisible()
})

test('a visitor who wants to hire someone creates a client account from their profile and comes back to it', async ({
  page,
}) => {
  const freelancer = await createAccountWithoutBrowser(makeUser('freelancer'))
  const profile = `/freelancers/${await userIdByEmail(freelancer.email)}`
  await page.goto(profile)
  await page.getByRole('link', { name: 'create a free client account' }).click()
  await expectPath(page, '/sign-up')
  await expect(page.getByRole('radio', { name: 'I want to hire' })).toBeChecked()
  const client = makeUser('client')
  await fillSignUp(page, { name: client.name, email: client.email, password: client.password })
  await page.getByRole('button', { name: 'Create account' }).click()
  await finishSignUpWithCode(page, client.email)
  await expectPath(page, profile)
  await expect(page.getByRole('region', { name: `Invite ${freelancer.name}` })).toContainText(
    'You have no open project to invite them to.',
  )
})

test('a visitor is never sent to another site from sign-up, and sign-in mistakes give one plain answer', async ({
  page,
}) => {
  await page.goto(`/sign-up?redirectTo=${encodeURIComponent('//evil.example/phish')}`)
  // The header keeps only a way back to this site.
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in')
  const user = makeUser('client')
  await fillSignUp(page, user)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expectPath(page, '/sign-up/verify')
  await finishSignUpWithCode(page, user.email)
  await expectPath(page, '/client')

  // A wrong password and an address with no account read the same, and the address stays typed.
  const known = await createAccountWithoutBrowser(makeUser('freelancer'))
  await page.context().clearCookies()
  for (const email of [known.email, `nobody-${Date.now()}@e2e.megilance.test`]) {
    await page.goto('/sign-in')
    await submitSignIn(page, { email, password: 'not-the-password-42' })
    await expect(page.getByRole('alert')).toHaveText('The email or password is not right.')
    await expect(page.getByLabel('Email')).toHaveValue(email)
    await expect(page.getByRole('link', { name: 'Forgot your password?' })).toBeVisible()
  }
})

test('every header and footer link answers, and a missing project says what to do rather than “Not found”', async ({
  page,
}) => {
  await page.goto('/')
  const footer = page.getByRole('contentinfo')
  const links = [
    ...(await page.getByRole('navigation', { name: 'Account' }).getByRole('link').all()),
    ...(await footer.getByRole('link').all()),
  ]
  const targets = new Set(await Promise.all(links.map((link) => link.getAttribute('href'))))
  expect([...targets].sort()).toEqual([
    '/freelancers',
    '/help',
    '/help/contact',
    '/help/fees',
    '/projects',
    '/sign-in',
    '/sign-up',
  ])
  for (const href of targets) {
    const response = await page.goto(href!)
    expect(response?.status(), href!).toBe(200)
    await expect(page.getByRole('heading', { level: 1 }), href!).toBeVisible()
  }

  const response = await page.goto('/projects/00000000-0000-4000-8000-000000000000')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'We could not find that page' })).toBeVisible()
  await expect(page.getByText('Nothing is at this address, or it is not open to you.')).toBeVisible()
  await expect(page.getByText('Not found', { exact: true })).toHaveCount(0)
  await page.getByRole('link', { name: 'Go to the home page' }).click()
  await expectPath(page, '/')
})

test('a newcomer’s messages on a phone: the empty inbox says where talk starts, long words wrap, a refused file keeps the text, and without JavaScript the page says how to see new messages', async ({
  page,
}, testInfo) => {
  const js = isJavaScriptEnabled(testInfo)
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'), { at: '/messages' })
  const empty = page.getByText('No conversations yet. One starts with each proposal a freelancer sends you')
  await expect(empty).toBeVisible()
  await expect(empty.getByRole('link', { name: 'post a project' })).toHaveAttribute('href', '/projects/new')

  const freelancer = await createAccountWithoutBrowser(makeUser('freelancer'))
  const { contractId } = await createFixedContract(client.email, freelancer.email, {
    milestones: [{ title: 'Design', amountMinor: 50_000 }],
  })
  await page.goto(`/messages/for/contract/${contractId}`)
  await expect(page.getByText(`Conversation with ${freelancer.name}.`)).toBeVisible()

  const longWord = `https://example.com/brief/${'a'.repeat(160)}`
  await sendMessage(page, `The brief is at ${longWord}`, js)
  await expect(thread(page).getByRole('article', { name: 'Message from you' })).toContainText(longWord)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

  if (js) await waitForLiveComposer(page)
  const body = 'Here is the installer for the font we use.'
  await page.getByLabel('Message (required)', { exact: true }).fill(body)
  await page.getByLabel('Attach files (optional)').setInputFiles({
    name: 'fonts.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('MZ\x90\x00 not a document'),
  })
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByText('"fonts.exe" is not an accepted kind of file.', { exact: false })).toBeVisible()
  await expect(page.getByLabel('Message (required)', { exact: true })).toHaveValue(body)
  await expect(thread(page).getByRole('article')).toHaveCount(1)

  const check = page.getByRole('link', { name: 'Check for new messages' })
  if (js) {
    // With JavaScript new messages arrive by themselves (messaging-live.spec.ts): no such link.
    await expect(check).toHaveCount(0)
  } else {
    await expect(page.getByText('New messages show when the page is loaded again.')).toBeVisible()
    await check.click()
    await expect(thread(page).getByRole('article', { name: 'Message from you' })).toContainText(longWord)
  }
})

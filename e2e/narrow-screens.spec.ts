import type { Locator } from '@playwright/test'
import {
  confirmWithEmailCode,
  DEMO_ACCOUNTS,
  expect,
  expectPath,
  fillSignUp,
  makeUser,
  newBrowserContext,
  test,
} from './fixtures'
import { userIdByEmail } from './db-fixtures'
import { eq } from 'drizzle-orm'
import { getDb } from '~/models/db.server'
import { updateFreelancerProfile } from '~/models/profiles.server'
import { users } from '~/models/schema'
import { createHourlyContract, sendInvoice } from './hourly-fixtures'
import { createOpenProject, createSubmittedProposal } from './projects-fixtures'
import { signInWithoutForm, signUpWithoutForm } from './user-fixtures'

// A 360 px phone: nothing on a public page may push the page sideways, and the header's way in
// (Find work, Sign in, Sign up) stays on the screen.
test('public pages fit a 360 px phone, with Find work, Sign in and Sign up on screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  for (const path of ['/', '/projects', '/market', '/sign-in', '/sign-up', '/help']) {
    await page.goto(path)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(360)
    const account = page.getByRole('navigation', { name: 'Account' })
    for (const name of ['Find work', 'Sign in', 'Sign up']) {
      const box = await account.getByRole('link', { name, exact: true }).boundingBox()
      expect(box, `${name} on ${path}`).not.toBeNull()
      expect(box!.x + box!.width, `${name} on ${path}`).toBeLessThanOrEqual(360)
    }
    await expect(page.getByRole('link', { name: 'MegiLance home' })).toBeVisible()
  }
})

// Signed in on a 360 px phone: no section of Settings hides off to the side, and a list's filter
// row keeps clear of the table under it.
test('on a 360 px phone every Settings section shows, and the proposals filter sits clear of its table', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 })
  const freelancer = await signUpWithoutForm(page, testInfo, makeUser('freelancer'), { at: '/settings' })
  const sections = page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link')
  await expect(sections).toHaveCount(11)
  for (const link of await sections.all()) {
    await expect(link).toBeInViewport({ ratio: 1 })
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await sections.getByText('Appearance', { exact: true }).click()
  await expectPath(page, '/settings/appearance')
  await expect(sections.getByText('Appearance', { exact: true })).toHaveAttribute('aria-current', 'page')

  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const { projectId } = await createOpenProject(client.email)
  await createSubmittedProposal(projectId, freelancer.email)
  await page.goto(`/projects/${projectId}/proposals`)
  const apply = await page.getByRole('button', { name: 'Apply' }).boundingBox()
  const table = await page.getByRole('table', { name: 'All proposals' }).boundingBox()
  expect(apply!.y + apply!.height, 'the Apply button ends above the table').toBeLessThan(table!.y)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
})

/** The control is wholly within the phone's width, with nothing scrolled sideways (the page or a table). */
async function expectWithin360(control: Locator) {
  const box = await control.boundingBox()
  expect(box, 'the control is shown').not.toBeNull()
  expect(box!.x, 'its left edge').toBeGreaterThanOrEqual(0)
  expect(box!.x + box!.width, 'its right edge').toBeLessThanOrEqual(360)
}

// An hourly contract's tables stack on a phone: the client's invoice actions and the freelancer's Delete are
// on the screen, not in a column scrolled off to the side; so does the contracts list.
test('on a 360 px phone the hours page shows every invoice and time entry button, and the contracts list its statuses', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 })
  const freelancer = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  const client = makeUser('client')
  const { contractId, lastWeekStart } = await createHourlyContract(
    (await signUpWithoutForm(page, testInfo, client)).email,
    freelancer.email,
  )
  await sendInvoice(contractId, lastWeekStart)
  await page.goto(`/contracts/${contractId}/hours`)
  // This client has an empty wallet and no card: the invoice's way forward is to save a card first.
  await expectWithin360(page.getByRole('link', { name: 'Save a card, then approve' }))
  await expectWithin360(page.getByText('Dispute it'))
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

  await signInWithoutForm(page, testInfo, freelancer.email, 'freelancer', { at: `/contracts/${contractId}/hours` })
  await page.getByLabel('Time worked').fill('45m')
  await page.getByLabel('Memo').fill('Answered support tickets')
  await page.getByRole('button', { name: 'Log time' }).click()
  await expect(page.getByText('Logged 45 min on')).toBeVisible()
  await expectWithin360(page.getByRole('button', { name: /^Delete entry of/ }))
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  // A stacked table has nothing left to scroll sideways either.
  const scrolled = await page.evaluate(
    () => [...document.querySelectorAll('.table-wrap')].filter((wrap) => wrap.scrollWidth > wrap.clientWidth).length,
  )
  expect(scrolled, 'tables scrolled sideways').toBe(0)

  // The contracts list stacks too: whether each contract is active or ended is on the screen.
  await page.goto('/contracts')
  await expectWithin360(page.locator('td', { hasText: /^Active/ }).first())
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
})

// "Suggest skills" on a 360 px phone: each suggestion is a button labelled with the skill's name,
// and a long one ("Add Front-end Development") wraps rather than push the page sideways.
test('on a 360 px phone the skills a project description suggests fit the screen', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await signUpWithoutForm(page, testInfo, makeUser('client'), { at: '/projects/new' })
  await page.getByLabel('Title').fill('Booking page for a dental clinic')
  await page
    .getByLabel('Description')
    .fill('We need a booking page in React where patients choose a dentist and a time; it sends a confirmation email.')
  await page.getByLabel('Skills').fill('React')
  await page.getByRole('button', { name: 'Suggest skills', exact: true }).click()
  const add = page.getByRole('list', { name: 'Suggested skills' }).getByRole('button', { name: /^Add / })
  await expect(add.first()).toBeVisible()
  for (const button of await add.all()) await expectWithin360(button)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expect(page.getByLabel('Title')).toHaveValue('Booking page for a dental clinic')
})

/** How many lines the element's text takes. */
async function linesOf(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const range = document.createRange()
    range.selectNodeContents(node)
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size
  })
}

// The money figures a newcomer checks first, on a 360 px phone: the payments total sits in a card
// inside a card, where "+$2,430" broke after "+$2,43"; the rank breakdown's Points column was
// scrolled off to the side, and its caption stood one word a line.
test("on a 360 px phone the payments total stays on one line and the rank breakdown shows every factor's points", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.freelancer.email, 'freelancer', { at: '/payments' })
  const net = page
    .getByRole('definition')
    .filter({ hasText: /^[+−-]?\$[\d,]+/ })
    .first()
  await expect(net).toHaveText(/^\+\$[\d,]+$/)
  expect(await linesOf(net), `"${await net.textContent()}" on one line`).toBe(1)

  await page.goto('/rank')
  const breakdown = page.getByRole('table', { name: /^Your rank: \d+ out of 100$/ })
  expect(await linesOf(breakdown.locator('caption')), 'the caption on one line').toBe(1)
  const points = breakdown.getByRole('cell', { name: /^\d+\.\d of \d+$/ })
  await expect(points).toHaveCount(5)
  for (const cell of await points.all()) await expectWithin360(cell)
  await expectWithin360(breakdown.getByRole('cell', { name: /^\d+ of 100$/ }))
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.client.email, 'client', { at: '/payments' })
  const spent = page
    .getByRole('definition')
    .filter({ hasText: /^[+−-]?\$[\d,]+/ })
    .first()
  await expect(spent).toHaveText(/^−\$[\d,]+$/)
  expect(await linesOf(spent), `"${await spent.textContent()}" on one line`).toBe(1)
})

// A new freelancer's public profile on a 360 px phone: "No reviews yet" is words, not a figure, so
// it is body-sized text, not the large figure style; the rate stays whole on its line ("$103", then "/ hour").
// Adding a wallet: the whole 42-character address shows, in monospace, and the bank form's country
// is a list of countries by name.
test('on a 360 px phone a new profile shows its rate whole and "No reviews yet" as text; a wallet address shows whole', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 })
  const freelancer = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  const userId = await userIdByEmail(freelancer.email)
  await updateFreelancerProfile(userId, { hourlyRateMinor: 10300, currency: 'USD' })
  await page.goto(`/freelancers/${userId}`)
  const rate = page.getByRole('definition').filter({ hasText: /^\$103/ })
  await expect(rate).toHaveText('$103 / hour')
  expect(await linesOf(rate.getByText('$103', { exact: true })), '"$103" on one line').toBe(1)
  const noReviews = page.getByRole('definition').filter({ hasText: 'No reviews yet' })
  expect(await linesOf(noReviews), '"No reviews yet" in at most two lines, no word broken').toBeLessThanOrEqual(2)
  const sizes = await noReviews.evaluate((node) => ({
    own: parseFloat(getComputedStyle(node).fontSize),
    body: parseFloat(getComputedStyle(document.body).fontSize),
  }))
  expect(sizes.own, 'the text style, not the large figure style').toBeLessThanOrEqual(sizes.body * 1.15)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  // "Member since" and its date (one of the widest: "28 Sept 2025") each stay on one line.
  getDb()
    .update(users)
    .set({ createdAt: new Date('2025-09-28T12:00:00Z') })
    .where(eq(users.id, userId))
    .run()
  await page.reload()
  const since = page.locator('.stat').filter({ hasText: 'Member since' })
  await expect(since.getByRole('definition')).toHaveText('28 Sept 2025')
  expect(await linesOf(since.getByRole('term')), '"Member since" on one line').toBe(1)
  expect(await linesOf(since.getByRole('definition')), '"28 Sept 2025" on one line').toBe(1)
  expect(
    await since.getByRole('definition').evaluate((node) => node.scrollWidth <= node.clientWidth),
    'the date within its card',
  ).toBe(true)

  await page.goto('/payouts/methods')
  await page.getByRole('link', { name: 'Confirm it is you' }).click()
  await confirmWithEmailCode(page, freelancer.email)
  await expectPath(page, '/payouts/methods')
  const address = page.getByLabel('Wallet address')
  await address.fill('0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045')
  const shown = await address.evaluate((node) => ({
    whole: node.scrollWidth <= node.clientWidth && node.scrollHeight <= node.clientHeight,
    font: getComputedStyle(node).fontFamily,
  }))
  expect(shown.whole, 'the whole address is in view, nothing scrolled').toBe(true)
  expect(shown.font).toMatch(/mono/i)
  await expectWithin360(address)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

  await page.goto('/payouts/bank')
  const country = page.getByLabel('Country of the bank')
  await country.selectOption({ label: 'Germany' })
  await expect(country).toHaveValue('DE')
})

// A first hour on a phone: the sign-up code page names the address it wrote to, however long, and a
// proposal's status is a word that stays whole ("Submitte/d" broke in its card).
test('on a 360 px phone the sign-up code page wraps a long address, and a proposal’s status stays on one line', async ({
  page,
  browser,
}, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 })
  const user = { ...makeUser('client'), email: `a.rather.long.address.${Date.now()}@example-bakery.test` }
  await page.goto('/sign-up')
  await fillSignUp(page, user)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expectPath(page, '/sign-up/verify')
  await expect(page.getByText(user.email)).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

  const freelancerContext = await newBrowserContext(browser, testInfo)
  const freelancerPage = await freelancerContext.newPage()
  await freelancerPage.setViewportSize({ width: 360, height: 740 })
  const freelancer = await signUpWithoutForm(freelancerPage, testInfo, makeUser('freelancer'))
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const { projectId } = await createOpenProject(client.email)
  const proposalId = await createSubmittedProposal(projectId, freelancer.email)
  await freelancerPage.goto(`/proposals/${proposalId}`)
  const status = freelancerPage.locator('.stat', { hasText: 'Status' }).locator('dd').first()
  await expect(status).toHaveText('Submitted')
  const { height, lineHeight } = await status.evaluate((element) => ({
    height: element.getBoundingClientRect().height,
    lineHeight: parseFloat(getComputedStyle(element).lineHeight),
  }))
  expect(height, 'one line').toBeLessThan(lineHeight * 1.5)
  await freelancerContext.close()
})

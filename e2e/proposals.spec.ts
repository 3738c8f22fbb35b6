import { newAuditContext, wcagViolationsInBothThemes } from './axe-audit'
import { DEMO_ACCOUNTS, expect, makeUser, newBrowserContext, type Page, test, toast } from './fixtures'
import { signUpWithoutForm, signInWithoutForm } from './user-fixtures'
import { insertSessionCookie } from './db-fixtures'
import { createBookingSiteProject, insertProposal, readHire, reviseBid } from './proposals-fixtures'

const COVER_LETTER =
  'I have built three booking sites with reminders and payments. I would start with the calendar, then the payments.'

/** Sends the proposal form with a milestone amount that is not an amount: refused, far down the form. */
async function refuseWithBadMilestone(page: Page) {
  await page.getByLabel('Cover letter').fill(COVER_LETTER)
  await page.getByLabel('Your price (USD)').fill('1000')
  await page.getByLabel('Duration in days').fill('30')
  await page.getByLabel('Milestone 1 title').fill('Calendar and booking')
  await page.getByLabel('Milestone 1 amount').fill('four hundred')
  await page.getByRole('button', { name: 'Send proposal' }).click()
}

const errorSummary = (page: Page) =>
  page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) })

test('a refused proposal opens at its error summary on a narrow screen, whose link leads to the field', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000)
  const { projectId } = await createBookingSiteProject(DEMO_ACCOUNTS.client.email)
  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.freelancer.email, 'freelancer')
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto(`/projects/${projectId}/propose`)
  await refuseWithBadMilestone(page)

  // The bad milestone sits far below the fold; the page opens at the summary above the form, focused.
  const summary = errorSummary(page)
  await expect(summary).toBeFocused()
  await expect(summary).toBeInViewport()
  const link = summary.getByRole('link', { name: 'Milestone 1 amount: Enter the milestone’s amount, e.g. 400' })
  await expect(link).toHaveAttribute('href', '#proposal-milestones%5B0%5D.amount')
  const field = page.getByLabel('Milestone 1 amount')
  await expect(field).not.toBeInViewport()
  await link.click()
  await expect(field).toBeFocused()
  await expect(field).toBeInViewport()
  await expect(field).toHaveValue('four hundred')
})

test('the error summary passes WCAG AA in both themes and fits 360 and 1280 px', async ({ browser }, testInfo) => {
  test.setTimeout(120_000)
  const { projectId } = await createBookingSiteProject(DEMO_ACCOUNTS.client.email)
  const context = await newAuditContext(browser, testInfo)
  const page = await context.newPage()
  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.freelancer.email, 'freelancer')
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 740 })
    await page.goto(`/projects/${projectId}/propose`)
    await refuseWithBadMilestone(page)
    await expect(errorSummary(page)).toBeFocused()
    expect(await wcagViolationsInBothThemes(page)).toEqual([])
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
    }
  }
  await context.close()
})

test('a freelancer proposes, the client reviews, declines another with a reason and hires', async ({
  page,
  browser,
}, testInfo) => {
  // Three people, three sign-ins and a dozen pages: well over the default 30 s on a busy machine.
  test.setTimeout(150_000)
  const { projectId, title } = await createBookingSiteProject(DEMO_ACCOUNTS.client.email)

  // Another freelancer has proposed too; the client will decline them.
  const otherContext = await newBrowserContext(browser, testInfo)
  const otherPage = await otherContext.newPage()
  const other = await signUpWithoutForm(otherPage, testInfo, makeUser('freelancer'))
  const otherProposalId = await insertProposal(projectId, other.email, 95_000)

  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.freelancer.email, 'freelancer', {
    at: `/projects/${projectId}/propose`,
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Send a proposal' })).toBeVisible()
  await page.getByLabel('Cover letter').fill(COVER_LETTER)
  await page.getByLabel('Your price (USD)').fill('1000')
  await page.getByLabel('Duration in days').fill('30')
  await page.getByLabel('Milestone 1 title').fill('Calendar and booking')
  await page.getByLabel('Milestone 1 amount').fill('400')
  await page.getByLabel('Milestone 2 title').fill('Payments and reminders')
  await page.getByLabel('Milestone 2 amount').fill('500')
  await page.getByRole('button', { name: 'Send proposal' }).click()

  // The milestones do not add up: a clear error, and nothing typed is lost.
  await expect(
    page
      .getByRole('group', { name: /^Milestones/ })
      .getByText('The milestones add up to $900 but your price is $1,000.', {
        exact: false,
      }),
  ).toBeVisible()
  await expect(page.getByLabel('Cover letter')).toHaveValue(COVER_LETTER)
  await expect(page.getByLabel('Milestone 2 title')).toHaveValue('Payments and reminders')
  await expect(page.getByLabel('Milestone 3 title')).toHaveValue('')

  await page.getByLabel('Milestone 2 amount').fill('600')
  await page.getByRole('button', { name: 'Send proposal' }).click()
  await expect(page).toHaveURL(/\/proposals\/[0-9a-f-]{36}$/)
  await expect(toast(page)).toContainText('Your proposal is sent.')
  const proposalUrl = new URL(page.url()).pathname
  const proposalId = proposalUrl.split('/').pop() ?? ''
  await expect(page.getByRole('heading', { level: 1, name: 'Your proposal' })).toBeVisible()
  await expect(page.getByText('Not viewed yet')).toBeVisible()
  await expect(page.getByRole('row', { name: /Payments and reminders \$600/ })).toBeVisible()

  // One proposal per project: trying again leads back to it.
  await page.goto(`/projects/${projectId}/propose`)
  await expect(page).toHaveURL((url) => url.pathname === proposalUrl)
  await expect(toast(page)).toContainText('You already sent a proposal for this project.')

  // The client reads the proposals, shortlists one and declines the other with a reason.
  const clientContext = await newBrowserContext(browser, testInfo)
  const clientPage = await clientContext.newPage()
  await signInWithoutForm(clientPage, testInfo, DEMO_ACCOUNTS.client.email, 'client', {
    at: `/projects/${projectId}/proposals`,
  })
  await expect(clientPage.getByRole('heading', { level: 1, name: 'Proposals' })).toBeVisible()
  await expect(
    clientPage.getByRole('row', { name: new RegExp(`${other.name} Sent .* \\$950 fixed price 21 days`) }),
  ).toContainText('New')
  await clientPage.getByRole('link', { name: `Open ${DEMO_ACCOUNTS.freelancer.name}’s proposal` }).click()
  await expect(
    clientPage.getByRole('heading', { level: 1, name: `Proposal from ${DEMO_ACCOUNTS.freelancer.name}` }),
  ).toBeVisible()
  await expect(clientPage.getByText(COVER_LETTER)).toBeVisible()
  await clientPage.getByRole('button', { name: 'Shortlist' }).click()
  await expect(toast(clientPage)).toHaveText('Added to your shortlist.')
  await expect(clientPage.getByRole('button', { name: 'Remove from shortlist' })).toBeVisible()

  await clientPage.goto(`/projects/${projectId}/proposals`)
  await clientPage
    .getByRole('navigation', { name: 'Which proposals' })
    .getByRole('link', { name: 'Shortlisted' })
    .click()
  await expect(clientPage).toHaveURL(/show=shortlisted/)
  await expect(clientPage.getByRole('row', { name: new RegExp(DEMO_ACCOUNTS.freelancer.name) })).toContainText(
    'Shortlisted',
  )
  await expect(clientPage.getByRole('row', { name: new RegExp(other.name) })).toHaveCount(0)

  // The freelancer now sees that the client opened the proposal.
  await page.goto(proposalUrl)
  await expect(page.getByText('Viewed', { exact: true })).toBeVisible()
  await expect(page.getByText(/First opened/)).toBeVisible()

  await clientPage.goto(`/proposals/${otherProposalId}`)
  const reason = 'We are looking for someone who has worked with our booking provider before.'
  await clientPage.getByLabel('Reason for declining').fill(reason)
  await clientPage.getByRole('button', { name: 'Decline proposal' }).click()
  await expect(toast(clientPage)).toContainText('proposal is declined')

  await otherPage.goto(`/proposals/${otherProposalId}`)
  await expect(otherPage.getByRole('heading', { name: 'Why it was declined' })).toBeVisible()
  await expect(otherPage.getByText(reason)).toBeVisible()
  // A freelancer who is not on the proposal does not learn it exists.
  expect((await otherPage.goto(proposalUrl))?.status()).toBe(404)
  await otherContext.close()

  // The client hires: the contract starts from the proposal.
  await clientPage.goto(proposalUrl)
  await clientPage.getByRole('button', { name: 'Accept and start the contract' }).click()
  await expect(clientPage).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/)
  const contractId = new URL(clientPage.url()).pathname.split('/').pop()
  const hire = await readHire(projectId, proposalId)
  expect(hire.contract).toEqual({ id: contractId, type: 'fixed', title, currency: 'USD' })
  expect(hire.milestones).toEqual([
    { title: 'Calendar and booking', amountMinor: 40_000 },
    { title: 'Payments and reminders', amountMinor: 60_000 },
  ])
  expect(hire.project).toEqual({ status: 'closed', closeReason: 'hired' })
  expect(hire.proposals.find((row) => row.id === otherProposalId)?.status).toBe('declined')

  // A client cannot propose.
  expect((await clientPage.goto(`/projects/${projectId}/propose`))?.status()).toBe(403)
  await clientContext.close()

  await page.goto('/freelancer/proposals')
  await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('Accepted')
  await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('Viewed')
})

test('accepting terms the freelancer changed meanwhile is refused, with the new terms shown', async ({
  page,
}, testInfo) => {
  const { projectId } = await createBookingSiteProject(DEMO_ACCOUNTS.client.email)
  const proposalId = await insertProposal(projectId, DEMO_ACCOUNTS.freelancer.email, 95_000)
  await page
    .context()
    .addCookies([await insertSessionCookie(DEMO_ACCOUNTS.client.email, testInfo.project.use.baseURL!)])

  await page.goto(`/proposals/${proposalId}`)
  await expect(page.getByText('$950 fixed price')).toBeVisible()
  // While the client reads, Felix raises his price.
  await reviseBid(proposalId, 120_000)
  await page.getByRole('button', { name: 'Accept and start the contract' }).click()

  await expect(page.getByRole('alert').filter({ hasText: 'changed this proposal' })).toHaveText(
    `${DEMO_ACCOUNTS.freelancer.name} changed this proposal: new bid $1,200 fixed price. Review and accept again.`,
  )
  // The terms themselves, not the alert's words about them (exact: the alert only contains the text).
  await expect(page.getByText('$1,200 fixed price', { exact: true }).first()).toBeVisible()
  expect((await readHire(projectId, proposalId)).contract).toBeUndefined()

  // Accepting what is now on the page hires at the new price.
  await page.getByRole('button', { name: 'Accept and start the contract' }).click()
  await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/)
  expect((await readHire(projectId, proposalId)).milestones).toEqual([
    { title: 'Complete the project', amountMinor: 120_000 },
  ])
})

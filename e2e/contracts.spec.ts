import { DEMO_ACCOUNTS, expect, makeUser, newBrowserContext, type Page, test, toast } from './fixtures'
import { signUpWithoutForm, signInWithoutForm } from './user-fixtures'
import { createFixedContract } from './contract-fixtures'

async function payByCard(page: Page, number: string) {
  await page.getByLabel('Name on card').fill('Carmen Tester')
  await page.getByLabel('Card number').fill(number)
  await page.getByLabel('Expiry (MM/YY)').fill('12/30')
  await page.getByLabel('Security code').fill('123')
  await page.getByRole('button', { name: 'Pay $500' }).click()
}

function milestone(page: Page, title: string) {
  return page.getByRole('article', { name: title })
}

test('a fixed-price milestone is funded by card, sent back once, approved and paid less the 10% fee', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000)
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancerContext = await newBrowserContext(browser, testInfo)
  const freelancerPage = await freelancerContext.newPage()
  const freelancer = await signUpWithoutForm(freelancerPage, testInfo, makeUser('freelancer'))
  const { contractId, title } = await createFixedContract(client.email, freelancer.email, {
    milestones: [
      { title: 'Design', amountMinor: 50_000 },
      { title: 'Build', amountMinor: 30_000 },
    ],
  })

  await page.goto('/contracts')
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Start a call' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Schedule a meeting' })).toBeVisible()
  const design = milestone(page, '1. Design')
  await expect(design).toContainText('the freelancer receives $450')
  await design.getByRole('button', { name: 'Fund $500' }).click()

  // The sandbox says so; a declined card shows why and moves no money.
  await expect(page.getByRole('heading', { level: 1, name: 'Pay $500 by card' })).toBeVisible()
  await expect(page.getByText('No real card is charged')).toBeVisible()
  await payByCard(page, '4000 0000 0000 0002')
  await expect(page.getByText('Your card was declined.')).toBeVisible()
  await expect(page.getByLabel('Name on card')).toHaveValue('Carmen Tester')
  await payByCard(page, '4242 4242 4242 4242')
  await expect(toast(page)).toHaveText('Payment received: $500 is held in escrow.')
  await expect(design).toContainText('Funded — in escrow')
  await expect(page.getByText(/In escrow\s*\$500/)).toBeVisible()

  // The freelancer must say what they deliver, then submits. On a phone the milestone sits screens
  // down the page: the refused form opens the page at its error summary, whose link leads to the note.
  const wide = freelancerPage.viewportSize()!
  await freelancerPage.setViewportSize({ width: 360, height: 740 })
  await freelancerPage.goto(`/contracts/${contractId}`)
  const freelancerDesign = milestone(freelancerPage, '1. Design')
  await freelancerDesign.getByLabel('What you deliver for “Design”').fill('Logo')
  await freelancerDesign.getByRole('button', { name: 'Submit work' }).click()
  const summary = freelancerDesign
    .getByRole('alert')
    .filter({ has: freelancerPage.getByRole('heading', { name: 'There is a problem' }) })
  await expect(summary).toBeFocused()
  await expect(summary).toBeInViewport()
  await expect(
    freelancerDesign.getByText('Say what you are delivering and where to find it (at least 5 characters).', {
      exact: true,
    }),
  ).toBeVisible()
  const note = freelancerDesign.getByLabel('What you deliver for “Design”')
  await expect(note).toHaveValue('Logo')
  await summary.getByRole('link', { name: /^What you deliver: / }).click()
  await expect(note).toBeFocused()
  await freelancerPage.setViewportSize(wide)
  await freelancerDesign
    .getByLabel('What you deliver for “Design”')
    .fill('Figma file with the new checkout: figma.com/file/abc')
  await freelancerDesign.getByRole('button', { name: 'Submit work' }).click()
  await expect(toast(freelancerPage)).toHaveText('Submitted. The client has 14 days to review it.')

  await page.reload()
  await design.getByLabel('What should change in “Design”').fill('Please add the express checkout button.')
  await design.getByRole('button', { name: 'Request changes' }).click()
  await expect(toast(page)).toHaveText('Changes requested. The freelancer will resubmit.')
  await expect(design).toContainText('Please add the express checkout button.')

  await freelancerPage.reload()
  await freelancerDesign.getByLabel('What you deliver for “Design”').fill('Added express checkout; same link.')
  await freelancerDesign.getByRole('button', { name: 'Submit work' }).click()
  await expect(toast(freelancerPage)).toHaveText('Resubmitted. The client has 14 days to review it.')

  await page.reload()
  await design.getByRole('button', { name: 'Approve and release $500' }).click()
  await expect(toast(page)).toHaveText(`$500 released: $450 to ${freelancer.name}, $50 platform fee.`)
  await expect(design).toContainText('Paid')
  await expect(page.getByRole('region', { name: 'Activity' })).toContainText(
    '$500 released from escrow: $450 to the freelancer, $50 platform fee (10%).',
  )

  // An action the state machine does not allow any more is a 409 that says what is allowed.
  const designId = await design.locator('input[name="milestoneId"]').count()
  expect(designId).toBe(0)
  const buildId = await milestone(page, '2. Build').locator('input[name="milestoneId"]').first().getAttribute('value')
  const conflict = await page.request.post(`/contracts/${contractId}`, {
    form: { intent: 'approve', milestoneId: buildId ?? '' },
  })
  expect(conflict.status()).toBe(409)
  expect(await conflict.text()).toContain('You can: fund')

  await freelancerPage.goto('/wallet')
  await expect(freelancerPage.getByText(/Balance in USD\s*\$450/)).toBeVisible()

  // The freelancer ends the contract with a reason both see.
  await freelancerPage.goto(`/contracts/${contractId}`)
  await freelancerPage.getByLabel('Why the contract ends').fill('The client builds the rest in-house.')
  await freelancerPage.getByRole('button', { name: 'End contract' }).click()
  await expect(toast(freelancerPage)).toHaveText('The contract has ended. You can now leave a review.')
  await page.reload()
  await expect(page.getByText('The client builds the rest in-house.').first()).toBeVisible()
  await expect(milestone(page, '2. Build').getByRole('button')).toHaveCount(0)
  // Calls and meetings are for work in progress: an ended contract offers neither.
  await expect(page.getByRole('button', { name: 'Start a call' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Schedule a meeting' })).toHaveCount(0)
  await freelancerContext.close()

  // Someone not on the contract is told it does not exist.
  await page.context().clearCookies()
  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.freelancer.email, 'freelancer')
  const stranger = await page.goto(`/contracts/${contractId}`)
  expect(stranger?.status()).toBe(404)
})

import crypto from 'node:crypto'
import { expect, expectPath, makeUser, newBrowserContext, type Page, test, toast } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'

/**
 * The marketplace end to end, as two people in two browsers: a client posts, a freelancer finds it
 * by searching and bids, the client accepts, one milestone goes through escrow with a round of
 * changes, and both review each other under the double-blind rule.
 */
test('post → search → bid → accept → fund → submit → changes → resubmit → approve → release → both review', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000)
  // New accounts without the sign-up form (auth.spec and email-codes.spec test it).
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancerContext = await newBrowserContext(browser, testInfo)
  const freelancerPage = await freelancerContext.newPage()
  const freelancer = await signUpWithoutForm(freelancerPage, testInfo, makeUser('freelancer'))

  // The client posts a project with a word no other project has.
  const word = `quokka${crypto.randomBytes(3).toString('hex')}`
  const title = `${word} inventory dashboard`
  await page.goto('/projects/new')
  await page.getByLabel('Title').fill(title)
  await page
    .getByLabel('Description')
    .fill('A dashboard for our three warehouses: stock levels, low-stock alerts and a weekly report.')
  await page.getByLabel('Skills').fill('React, TypeScript')
  await page.getByLabel('Fixed budget').fill('800')
  await page.getByRole('button', { name: 'Post project' }).click()
  await expect(toast(page)).toHaveText('Your project is posted.')
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()

  // The freelancer finds it with a two-word search and sends a proposal with one milestone.
  await freelancerPage.goto('/projects')
  await freelancerPage.getByLabel('Keywords').fill(`${word} dashboard`)
  await freelancerPage.getByRole('button', { name: 'Search', exact: true }).click()
  const results = freelancerPage.getByRole('list', { name: 'Matching projects' })
  await results.getByRole('link', { name: title }).click()
  await expect(freelancerPage.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await freelancerPage.getByRole('link', { name: 'Send a proposal' }).click()
  await freelancerPage
    .getByLabel('Cover letter')
    .fill('I have built four inventory dashboards in React; here is how I would approach yours.')
  await freelancerPage.getByLabel('Your price (USD)').fill('800')
  await freelancerPage.getByLabel('Duration in days').fill('20')
  await freelancerPage.getByLabel('Milestone 1 title').fill('Dashboard and alerts')
  await freelancerPage.getByLabel('Milestone 1 amount').fill('800')
  await freelancerPage.getByRole('button', { name: 'Send proposal' }).click()
  await expect(freelancerPage.getByRole('heading', { level: 1, name: 'Your proposal' })).toBeVisible()

  // The client accepts, which starts the contract.
  await page.reload()
  await page.getByRole('link', { name: 'Review proposals (1)' }).click()
  await page.getByRole('link', { name: `Open ${freelancer.name}’s proposal` }).click()
  await page.getByRole('button', { name: 'Accept and start the contract' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const contractPath = new URL(page.url()).pathname
  expect(contractPath).toMatch(/^\/contracts\/[\w-]+$/)

  // Fund by card → submit → changes → resubmit → approve and release.
  const milestone = (p: Page) => p.getByRole('article', { name: '1. Dashboard and alerts' })
  await milestone(page).getByRole('button', { name: 'Fund $800' }).click()
  await page.getByLabel('Name on card').fill(client.name)
  await page.getByLabel('Card number').fill('4242 4242 4242 4242')
  await page.getByLabel('Expiry (MM/YY)').fill('12/30')
  await page.getByLabel('Security code').fill('123')
  await page.getByRole('button', { name: 'Pay $800' }).click()
  await expect(toast(page)).toHaveText('Payment received: $800 is held in escrow.')

  const submit = async (note: string, said: string) => {
    await freelancerPage.goto(contractPath)
    await milestone(freelancerPage).getByLabel('What you deliver for “Dashboard and alerts”').fill(note)
    await milestone(freelancerPage).getByRole('button', { name: 'Submit work' }).click()
    await expect(toast(freelancerPage)).toHaveText(`${said}. The client has 14 days to review it.`)
  }
  await submit('The dashboard is deployed to your staging server.', 'Submitted')
  await page.goto(contractPath)
  await milestone(page)
    .getByLabel('What should change in “Dashboard and alerts”')
    .fill('Low-stock alerts should also go by email.')
  await milestone(page).getByRole('button', { name: 'Request changes' }).click()
  await expect(toast(page)).toHaveText('Changes requested. The freelancer will resubmit.')
  await submit('Alerts now go by email too.', 'Resubmitted')
  await page.goto(contractPath)
  await milestone(page).getByRole('button', { name: 'Approve and release $800' }).click()
  await expect(toast(page)).toHaveText(`$800 released: $720 to ${freelancer.name}, $80 platform fee.`)
  await expect(milestone(page)).toContainText('Paid')
  await freelancerPage.goto('/wallet')
  await expect(freelancerPage.getByText(/Balance in USD\s*\$720/)).toBeVisible()

  // The client ends the contract; then both review.
  const freelancerProfile = (await page.getByRole('link', { name: freelancer.name }).first().getAttribute('href')) ?? ''
  const clientProfile = (await page.getByRole('link', { name: client.name }).first().getAttribute('href')) ?? ''
  await page.getByLabel('Why the contract ends').fill('Everything we needed is delivered.')
  await page.getByRole('button', { name: 'End contract' }).click()
  await expect(toast(page)).toHaveText('The contract has ended. You can now leave a review.')
  await page.getByRole('navigation', { name: 'Contract' }).getByRole('link', { name: 'Reviews' }).click()
  await expectPath(page, `${contractPath}/review`)
  const clientWords = 'Fast, careful and clear about every trade-off along the way.'
  await page.getByRole('radio', { name: '5 — Excellent' }).check()
  await page.getByLabel('Quality of work').selectOption('5')
  await page.getByLabel('Communication').selectOption('5')
  await page.getByLabel('Meeting deadlines').selectOption('4')
  await page.getByLabel('Your review (required)', { exact: true }).fill(clientWords)
  await page.getByRole('button', { name: 'Publish review' }).click()
  await expect(toast(page)).toHaveText('Thank you: your review is saved.')

  // Double-blind, before the second review: the freelancer cannot read it, nor can anyone on the profile.
  await freelancerPage.goto(`${contractPath}/review`)
  const theirs = freelancerPage.getByRole('region', { name: `${client.name}’s review of you` })
  await expect(theirs).toContainText('It stays hidden until both have reviewed or the window closes')
  await expect(theirs).not.toContainText(clientWords)
  await page.goto(freelancerProfile)
  await expect(page.getByRole('heading', { level: 1, name: freelancer.name })).toBeVisible()
  await expect(page.getByText(clientWords)).toHaveCount(0)

  const freelancerWords = 'Clear brief, quick feedback and paid the moment the work was approved.'
  await freelancerPage.getByRole('radio', { name: '5 — Excellent' }).check()
  await freelancerPage.getByLabel('Clear requirements').selectOption('5')
  await freelancerPage.getByLabel('Communication').selectOption('5')
  await freelancerPage.getByLabel('Prompt payment').selectOption('5')
  await freelancerPage.getByLabel('Your review (required)', { exact: true }).fill(freelancerWords)
  await freelancerPage.getByRole('button', { name: 'Publish review' }).click()
  await expect(toast(freelancerPage)).toHaveText('Thank you: your review is saved.')

  // After the second review both are visible, on the review page and on both public profiles.
  await expect(theirs).toContainText(clientWords)
  await page.goto(freelancerProfile)
  await expect(page.getByText(clientWords)).toBeVisible()
  await freelancerPage.goto(clientProfile)
  await expect(freelancerPage.getByRole('heading', { level: 1, name: client.name })).toBeVisible()
  await expect(freelancerPage.getByText(freelancerWords)).toBeVisible()
  await freelancerContext.close()
})

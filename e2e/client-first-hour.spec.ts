import { expect, makeUser, test, toast } from './fixtures'
import { createAccountWithoutBrowser, signUpWithoutForm } from './user-fixtures'
import { createOpenProject, createSubmittedProposal } from './projects-fixtures'

/** What a brand-new client met on a phone in their first hour, and what now answers it. */

test.use({ viewport: { width: 360, height: 800 } })

test('on a phone the client opens a proposal from the list and reads the fee before accepting', async ({
  page,
}, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancer = await createAccountWithoutBrowser(makeUser('freelancer'))
  const { projectId } = await createOpenProject(client.email, { budgetMinor: 50_000 })
  await createSubmittedProposal(projectId, freelancer.email, { amountMinor: 45_000 })

  await page.goto(`/projects/${projectId}/proposals`)
  // Each proposal is a block of labelled lines, so its Open link is on the screen, not scrolled off to the side.
  const open = page.getByRole('link', { name: `Open ${freelancer.name}’s proposal` })
  const link = (await open.boundingBox())!
  expect(link.x + link.width).toBeLessThanOrEqual(360)
  await open.click()

  await expect(page.getByText(`You pay $450 in all, into escrow one milestone at a time`)).toBeVisible()
  await expect(page.getByText(`${freelancer.name} receives $405 and MegiLance keeps its 10% fee ($45).`)).toBeVisible()
  const accept = page.getByRole('button', { name: 'Accept and start the contract' })
  const box = (await accept.boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(360)
  await accept.click()
  await expect(toast(page)).toContainText(`You hired ${freelancer.name}.`)
})

test('a client’s new hourly contract says how the hours reach them and leads to the weekly limit', async ({
  page,
}, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancer = await createAccountWithoutBrowser(makeUser('freelancer'))
  const { projectId } = await createOpenProject(client.email, {
    budgetType: 'hourly',
    budgetMinMinor: 3000,
    budgetMinor: 6000,
  })
  const proposalId = await createSubmittedProposal(projectId, freelancer.email, { amountMinor: 5000 })

  await page.goto(`/proposals/${proposalId}`)
  await expect(
    page.getByText(`You pay $50 for each hour ${freelancer.name} logs, up to 40 h a week until you change the limit`),
  ).toBeVisible()
  await expect(
    page.getByText(`${freelancer.name} receives $45 an hour and MegiLance keeps its 10% fee ($5).`),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Accept and start the contract' }).click()
  await expect(toast(page)).toContainText(`You hired ${freelancer.name}.`)

  const next = page.getByRole('region', { name: 'Hours come to you as weekly invoices' })
  await expect(next).toContainText('This week: nothing logged yet; you allow up to 40 h a week.')
  await expect(next).toContainText('you then have 5 days to approve or dispute it')
  await next.getByRole('link', { name: 'Hours and weekly limit' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Hours and invoices' })).toBeVisible()
  await expect(page.getByText('you have 5 days to approve or dispute, then are charged')).toBeVisible()
  await expect(page.getByLabel('Hours a week')).toHaveValue('40')
})

test('a typed budget that cannot be used says why and keeps the form; the company shows on the project', async ({
  page,
}, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('client'), { at: '/settings' })
  await page.getByLabel('Company').fill('Kettle & Crumb Bakery')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(toast(page)).toBeVisible()

  await page.goto('/projects/new')
  const title = `Logo refresh ${Date.now()}`
  const description = 'Our bakery logo redrawn as a clean vector file, with a one-colour version for the paper bags.'
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('Description').fill(description)
  await page.getByLabel('Skills').fill('Logo Design')
  const budget = page.getByLabel('Fixed budget')
  for (const [typed, message] of [
    ['-50', 'The fixed budget cannot be negative: enter e.g. 500'],
    ['0', 'The fixed budget must be more than 0'],
    ['1e3', 'Write the fixed budget in digits, e.g. 500 or 1,250.50'],
  ]) {
    await budget.fill(typed!)
    await page.getByRole('button', { name: 'Post project' }).click()
    await expect(page.getByText(message!, { exact: true }).last()).toBeVisible()
    await expect(budget).toHaveValue(typed!)
    await expect(page.getByLabel('Title')).toHaveValue(title)
    await expect(page.getByLabel('Description')).toHaveValue(description)
  }
  await budget.fill('400')
  await page.getByRole('button', { name: 'Post project' }).click()
  await expect(toast(page)).toHaveText('Your project is posted.')
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  // Settings say the company is "shown to freelancers on your projects": it is, under the client's name.
  await expect(page.getByRole('definition').filter({ hasText: 'Kettle & Crumb Bakery' })).toBeVisible()
})

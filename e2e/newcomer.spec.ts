import { clientAndFreelancerOnAContract } from './contract-pair'
import { DEMO_ACCOUNTS, expect, expectPath, makeUser, newBrowserContext, type Page, test, toast } from './fixtures'
import { createAccountWithoutBrowser, signUpWithoutForm } from './user-fixtures'
import { userIdByEmail } from './db-fixtures'
import { createOpenProject, createSubmittedProposal } from './projects-fixtures'

/** A person's first hour: every dashboard, contract and money page says what to do next. */

function notificationsLink(page: Page) {
  return page.getByRole('navigation', { name: /portal$/ }).getByRole('link', { name: /^Notifications/ })
}

function milestone(page: Page, title: string) {
  return page.getByRole('article', { name: title })
}

async function payByCard(page: Page, amount: string) {
  // A newcomer's first checkout says plainly that nothing is charged, without the operator's words ("Stripe key").
  await expect(page.getByText(/takes test cards only, so nothing is charged/)).toBeVisible()
  await page.getByLabel('Name on card').fill('Carmen Tester')
  await page.getByLabel('Card number').fill('4242 4242 4242 4242')
  await page.getByLabel('Expiry (MM/YY)').fill('12/30')
  await page.getByLabel('Security code').fill('123')
  await page.getByRole('button', { name: `Pay ${amount}` }).click()
}

test('a brand-new client is one click from posting a project, and the checklist shows what is left', async ({
  page,
}, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('client'))
  const checklist = page.getByRole('region', { name: 'Get started' })
  await expect(checklist.getByRole('listitem')).toHaveText([
    'Post your first project',
    'Complete your profile',
    'Add a second factor to your sign-in',
  ])
  await expect(checklist).toContainText('0 of 3 done')
  await expect(
    page.getByRole('region', { name: 'Your latest projects' }).getByRole('link', { name: 'Post your first project' }),
  ).toBeVisible()

  await page.getByRole('link', { name: 'Post a project', exact: true }).click()
  await expectPath(page, '/projects/new')

  // Once posted, the project is a link on the dashboard and its step is ticked.
  const title = `Inventory dashboard ${Date.now()}`
  await page.getByLabel('Title').fill(title)
  await page
    .getByLabel('Description')
    .fill('A dashboard that shows stock levels and low-stock alerts for our three shops, with a weekly report.')
  await page.getByLabel('Skills').fill('React, TypeScript')
  await page.getByLabel('Fixed budget').fill('800')
  await page.getByRole('button', { name: 'Post project' }).click()
  await expect(toast(page)).toHaveText('Your project is posted.')
  await page.goto('/client')
  await expect(checklist).toContainText('1 of 3 done')
  await expect(checklist.getByRole('link', { name: 'Post your first project' })).toHaveCount(0)
  await page.getByRole('region', { name: 'Your latest projects' }).getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
})

test('a brand-new freelancer is led to complete the profile, then to work and to payouts', async ({
  page,
}, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  const checklist = page.getByRole('region', { name: 'Get started' })
  await expect(checklist.getByRole('listitem')).toHaveText([
    'Complete your profile',
    'Send your first proposal',
    'Add a payout method',
    'Add a second factor to your sign-in',
  ])
  await expect(
    page.getByRole('region', { name: 'Active contracts' }).getByRole('link', { name: 'Find work' }),
  ).toBeVisible()
  await checklist.getByRole('link', { name: 'Complete your profile' }).click()
  await expectPath(page, '/settings')
  await expect(page.getByLabel('Headline')).toBeVisible()
  // The dashboard asks for a bio of 100 characters; the field says so where it is written.
  await expect(page.getByLabel('About you')).toHaveAccessibleDescription(
    /100 characters or more count towards a complete profile/,
  )

  // The wallet leads to a payout: first a method, then the payout itself.
  await page.goto('/wallet')
  await page.getByRole('link', { name: 'Add a payout method', exact: true }).click()
  await expectPath(page, '/payouts/methods')
  // Someone with no second factor yet is told how they will confirm.
  await expect(page.getByText('if you have none yet, a code we email you')).toBeVisible()
})

test('after the last milestone is paid both sides are told to end the contract to leave reviews', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000)
  const { freelancer, freelancerPage, contractId } = await clientAndFreelancerOnAContract(page, browser, testInfo)
  const contractPath = `/contracts/${contractId}`
  const prompt = (p: Page) =>
    p.getByRole('region', { name: 'All milestones are paid — end the contract to leave reviews' })

  // Reviews are in the contract's menu from the start, with when they open.
  await page.goto(contractPath)
  await expect(
    page
      .getByRole('navigation', { name: 'Contract' })
      .getByRole('link', { name: 'Reviews (open when the contract ends)' }),
  ).toBeVisible()
  // Before the end, the review page says when it can be written (not "You did not write one").
  await page.goto(`${contractPath}/review`)
  await expect(page.getByRole('region', { name: `Your review of ${freelancer.name}` })).toContainText(
    'You can write it once the contract ends.',
  )
  await page.goto(contractPath)
  await milestone(page, '1. Design').getByRole('button', { name: 'Fund $500' }).click()
  await payByCard(page, '$500')
  await expect(toast(page)).toHaveText('Payment received: $500 is held in escrow.')
  await expect(milestone(page, '1. Design')).toContainText(
    'Waiting for the freelancer to deliver. Once they submit the work, you approve it or ask for changes.',
  )

  // The freelancer hears that the money is there, and opening the contract any way reads it.
  await freelancerPage.goto('/notifications')
  await expect(freelancerPage.getByRole('link', { name: '“Design” is funded: you can start' })).toBeVisible()
  await expect(notificationsLink(freelancerPage)).toHaveAccessibleName('Notifications, 1 unread')
  await freelancerPage.goto('/freelancer')
  await freelancerPage.getByRole('region', { name: 'Active contracts' }).getByRole('link').first().click()
  await expectPath(freelancerPage, contractPath)
  await expect(notificationsLink(freelancerPage)).toHaveAccessibleName('Notifications')

  await milestone(freelancerPage, '1. Design')
    .getByLabel('What you deliver for “Design”')
    .fill('Figma file: figma.com/file/abc')
  await milestone(freelancerPage, '1. Design').getByRole('button', { name: 'Submit work' }).click()
  await expect(toast(freelancerPage)).toHaveText('Submitted. The client has 14 days to review it.')
  await expect(prompt(freelancerPage)).toHaveCount(0)

  await page.reload()
  await milestone(page, '1. Design').getByRole('button', { name: 'Approve and release $500' }).click()
  await expect(toast(page)).toHaveText(`$500 released: $450 to ${freelancer.name}, $50 platform fee.`)
  await expect(prompt(page).getByRole('button', { name: 'End contract' })).toBeVisible()
  await expect(prompt(page).getByRole('link', { name: 'Add a milestone' })).toBeVisible()
  await freelancerPage.reload()
  await expect(prompt(freelancerPage).getByRole('button', { name: 'End contract' })).toBeVisible()
  await expect(prompt(freelancerPage).getByRole('link', { name: 'Add a milestone' })).toHaveCount(0)

  // Ending it opens the reviews, and the menu says until when.
  await prompt(freelancerPage).getByRole('button', { name: 'End contract' }).click()
  await expect(toast(freelancerPage)).toHaveText('The contract has ended. You can now leave a review.')
  await freelancerPage
    .getByRole('navigation', { name: 'Contract' })
    .getByRole('link', { name: /^Reviews \(open until / })
    .click()
  await expectPath(freelancerPage, `${contractPath}/review`)
  // The three detailed ratings say they are required before anything is submitted.
  for (const label of ['Clear requirements', 'Communication', 'Prompt payment']) {
    await expect(freelancerPage.getByLabel(`${label} (required)`, { exact: true })).toBeVisible()
  }
})

test('the step-up page offers "Send a code" before the code box and says it was sent once', async ({
  page,
}, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('client'), { at: '/settings/security/verify?method=email' })
  const send = page.getByRole('button', { name: 'Send a code', exact: true })
  const code = page.getByLabel('Code (required)', { exact: true })
  const sendBox = await send.boundingBox()
  const codeBox = await code.boundingBox()
  expect(sendBox!.y).toBeLessThan(codeBox!.y)
  await send.click()
  await expect(page.getByRole('status').filter({ hasText: /^We sent a 6-digit code/ })).toBeVisible()
  await expect(page.getByText(/We sent a 6-digit code/)).toHaveCount(1)
  await expect(page.getByRole('button', { name: 'Send a new code' })).toBeVisible()

  // On the demo no email leaves the server: the page shows the message, and its code confirms.
  const email = page.getByRole('region', { name: 'The email, on this demo' })
  await expect(email).toContainText('Your security code is:')
  await code.fill((await email.textContent())!.match(/code is: (\d{6})/)![1]!)
  await page.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(toast(page)).toHaveText(
    'Confirmed. For the next 10 minutes you can make security changes without confirming again.',
  )
})

test('a new client invites a freelancer from their profile, then is pointed at the proposal that comes back', async ({
  page,
}, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancer = await createAccountWithoutBrowser(makeUser('freelancer'))
  const { projectId, title } = await createOpenProject(client.email)

  // The profile offers the client's open project; inviting lands on the project, where the answer shows.
  await page.goto(`/freelancers/${await userIdByEmail(freelancer.email)}`)
  await expect(page.getByRole('link', { name: '← Find talent' })).toHaveAttribute('href', '/freelancers')
  await page
    .getByRole('region', { name: `Invite ${freelancer.name}` })
    .getByRole('button', { name: `Invite to “${title}”` })
    .click()
  await expect(toast(page)).toHaveText(`${freelancer.name} is invited. You see their answer on this page.`)
  await expectPath(page, `/projects/${projectId}`)
  await expect(page.getByRole('link', { name: '← Your projects' })).toHaveAttribute('href', '/client/projects')

  // Their proposal, not the checklist, is the newcomer's next step.
  const proposalId = await createSubmittedProposal(projectId, freelancer.email)
  await page.goto('/client')
  await expect(page.getByText(`Welcome, ${client.name}. Next step: Read ${freelancer.name}’s proposal.`)).toBeVisible()
  await page.getByRole('link', { name: `Read ${freelancer.name}’s proposal` }).click()
  await expectPath(page, `/proposals/${proposalId}`)
})

test('a client with no open project is told to post one on a freelancer’s profile; a visitor to sign in as a client', async ({
  page,
  browser,
}, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('client'))
  const visitorContext = await newBrowserContext(browser, testInfo)
  const freelancer = await signUpWithoutForm(await visitorContext.newPage(), testInfo, makeUser('freelancer'))
  const profile = `/freelancers/${await userIdByEmail(freelancer.email)}`
  await page.goto(profile)
  const invite = page.getByRole('region', { name: `Invite ${freelancer.name}` })
  await expect(invite).toContainText('You have no open project to invite them to.')
  await invite.getByRole('link', { name: 'Post a project' }).click()
  await expectPath(page, '/projects/new')

  await visitorContext.clearCookies()
  const visitor = await visitorContext.newPage()
  await visitor.goto(profile)
  await expect(
    visitor.getByRole('link', { name: `Sign in as a client to invite ${freelancer.name} to a project` }),
  ).toBeVisible()
  await expect(visitor.getByRole('region', { name: `Invite ${freelancer.name}` })).toHaveCount(0)
  // A project read from the list leads back to it.
  const { projectId } = await createOpenProject(DEMO_ACCOUNTS.client.email)
  await visitor.goto(`/projects/${projectId}`)
  await visitor.getByRole('link', { name: '← Find work' }).click()
  await expectPath(visitor, '/projects')
  await visitorContext.close()
})

test('a visitor on the landing page sees which buttons sign up and where to look around first', async ({ page }) => {
  await page.goto('/')
  const hero = page.getByRole('region', { name: 'Freelancing without the fine print' })
  await expect(hero.getByRole('link', { name: 'Hire a freelancer' })).toHaveAttribute('href', '/sign-up?role=client')
  await expect(hero.getByRole('link', { name: 'Work as a freelancer' })).toHaveAttribute(
    'href',
    '/sign-up?role=freelancer',
  )
  await hero.getByRole('link', { name: 'open projects' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Find work' })).toBeVisible()
  await page.goBack()
  await hero.getByRole('link', { name: 'freelancers', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Find talent' })).toBeVisible()
})

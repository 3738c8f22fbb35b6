import { wcagViolations } from './axe-audit'
import { expect, expectPath, makeUser, newBrowserContext, type Page, test, toast } from './fixtures'
import { createAccountWithoutBrowser, signUpWithoutForm } from './user-fixtures'
import { createFixedContract } from './contract-fixtures'
import { addNotifications, createEndedContract } from './social-fixtures'

function notificationsLink(page: Page) {
  return page.getByRole('navigation', { name: /portal$/ }).getByRole('link', { name: /^Notifications/ })
}

async function expectNoA11yViolations(page: Page) {
  expect(await wcagViolations(page)).toEqual([])
}

test('notifications show an unread badge that clears as they are read', async ({ page }, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, makeUser('client'))
  await addNotifications(user.email, [
    { title: 'Your profile is missing a photo', body: 'Clients trust faces.', link: '/settings' },
    { title: 'How fees work', link: '/help/fees' },
    { title: 'Welcome aboard' },
  ])
  await page.goto('/notifications')
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible()
  await expect(notificationsLink(page)).toHaveAccessibleName('Notifications, 3 unread')
  const items = page.getByRole('listitem').filter({ has: page.getByText(/Unread/) })
  await expect(items).toHaveCount(3)
  await expect(page.getByRole('listitem', { name: 'Unread: Your profile is missing a photo' })).toContainText(
    'Clients trust faces.',
  )
  if (test.info().project.name === 'js') await expectNoA11yViolations(page)

  // Opening its link marks it read and goes where it leads.
  await page.getByRole('link', { name: 'Your profile is missing a photo' }).click()
  await expectPath(page, '/settings')
  await expect(notificationsLink(page)).toHaveAccessibleName('Notifications, 2 unread')

  await notificationsLink(page).click()
  await expect(page.getByRole('listitem', { name: 'Your profile is missing a photo' })).toBeVisible()
  // Mark read looks like a button (a border and a fill, not bare text), and says which notification it marks.
  const markRead = page.getByRole('button', { name: 'Mark read: Welcome aboard' })
  await expect(markRead).toHaveText('Mark read')
  await expect(markRead).toHaveCSS('border-top-style', 'solid')
  await expect(markRead).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)')
  await markRead.click()
  await expect(toast(page)).toHaveText('Marked as read.')
  await expect(notificationsLink(page)).toHaveAccessibleName('Notifications, 1 unread')

  await page.getByRole('button', { name: 'Mark all as read' }).click()
  await expect(toast(page)).toHaveText('Marked 1 notification as read.')
  await expect(notificationsLink(page)).toHaveAccessibleName('Notifications')
  await expect(page.getByText('All read.')).toBeVisible()
})

test('email preferences are saved per kind', async ({ page }, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('freelancer'), { at: '/settings/notifications' })
  const reviews = page.getByRole('checkbox', { name: /^Reviews/ })
  const messages = page.getByRole('checkbox', { name: /^New messages/ })
  await expect(reviews).toBeChecked()
  await reviews.uncheck()
  await messages.uncheck()
  await page.getByRole('button', { name: 'Save notification settings' }).click()
  // A freelancer is never sent proposals to review: that kind is not offered (14 of the 15 kinds).
  await expect(page.getByRole('checkbox', { name: /^New proposals/ })).toHaveCount(0)
  await expect(toast(page)).toHaveText('Notification settings saved: 12 of 14 kinds also by email.')
  await page.reload()
  await expect(page.getByRole('checkbox', { name: /^Reviews/ })).not.toBeChecked()
  await expect(page.getByRole('checkbox', { name: /^New messages/ })).not.toBeChecked()
  await expect(page.getByRole('checkbox', { name: /^Dispute updates/ })).toBeChecked()
})

test('double-blind reviews on an ended contract', async ({ page, browser, adminPage }, testInfo) => {
  // Three people in three browsers.
  test.setTimeout(90_000)
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancerContext = await newBrowserContext(browser, testInfo)
  const freelancerPage = await freelancerContext.newPage()
  const freelancer = await signUpWithoutForm(freelancerPage, testInfo, makeUser('freelancer'))
  const { contractId, title } = await createEndedContract(client.email, freelancer.email)
  const url = `/contracts/${contractId}/review`
  const clientWords = 'A sharp, thoughtful designer who delivered ahead of time.'
  const freelancerWords = 'Clear brief, quick feedback and paid on the day of approval.'

  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible()
  // The form is the client's own review: no second card under it saying it is not written yet.
  await expect(page.getByRole('region', { name: `Review ${freelancer.name}` })).toBeVisible()
  await expect(page.getByRole('region', { name: `Your review of ${freelancer.name}` })).toHaveCount(0)
  await expect(page.getByText('Not written yet')).toHaveCount(0)
  await expect(page.getByRole('region', { name: `${freelancer.name}’s review of you` })).toContainText(
    'has not reviewed you yet',
  )
  await page.getByRole('button', { name: 'Publish review' }).click()
  await expect(page.getByText('Choose an overall rating from 1 to 5', { exact: true })).toBeVisible()
  // Several fields refused: a summary above the form links to each.
  await expect(page.getByRole('link', { name: 'Overall rating: Choose an overall rating from 1 to 5' })).toBeVisible()
  await page.getByRole('radio', { name: '5 — Excellent' }).check()
  await page.getByLabel('Quality of work').selectOption('5')
  await page.getByLabel('Communication').selectOption('4')
  await page.getByLabel('Meeting deadlines').selectOption('5')
  await page.getByLabel('Your review (required)', { exact: true }).fill(clientWords)
  await page.getByRole('button', { name: 'Publish review' }).click()
  await expect(toast(page)).toHaveText('Thank you: your review is saved.')
  await expect(page.getByRole('region', { name: `Your review of ${freelancer.name}` })).toContainText(clientWords)
  await expect(page.getByRole('region', { name: `${freelancer.name}’s review of you` })).toContainText(
    'has not reviewed you yet',
  )
  await expect(page.getByRole('button', { name: 'Publish review' })).toHaveCount(0)
  // A second review is refused.
  const again = await page.request.post(url, {
    form: {
      rating: '1',
      'subRatings.quality': '1',
      'subRatings.communication': '1',
      'subRatings.deadlines': '1',
      comment: 'Changing my mind after all, sorry.',
    },
  })
  expect(again.status()).toBe(409)

  // The freelancer is told, but cannot read the client's review before writing theirs.
  await freelancerPage.goto('/freelancer')
  await expect(notificationsLink(freelancerPage)).toHaveAccessibleName('Notifications, 1 unread')
  await notificationsLink(freelancerPage).click()
  await freelancerPage.getByRole('link', { name: `${client.name} reviewed you on “${title}”` }).click()
  await expectPath(freelancerPage, url)
  const theirs = freelancerPage.getByRole('region', { name: `${client.name}’s review of you` })
  await expect(theirs).toContainText('It stays hidden until both have reviewed or the window closes')
  await expect(theirs).not.toContainText(clientWords)
  await freelancerPage.getByRole('radio', { name: '4 — Good' }).check()
  await freelancerPage.getByLabel('Clear requirements').selectOption('5')
  await freelancerPage.getByLabel('Communication').selectOption('5')
  await freelancerPage.getByLabel('Prompt payment').selectOption('4')
  await freelancerPage.getByLabel('Your review (required)', { exact: true }).fill(freelancerWords)
  await freelancerPage.getByRole('button', { name: 'Publish review' }).click()
  await expect(toast(freelancerPage)).toHaveText('Thank you: your review is saved.')
  await expect(theirs).toContainText(clientWords)
  await expect(freelancerPage.getByRole('region', { name: `Your review of ${client.name}` })).toContainText(
    freelancerWords,
  )
  await freelancerContext.close()

  await page.reload()
  await expect(page.getByRole('region', { name: `${freelancer.name}’s review of you` })).toContainText(freelancerWords)
  if (testInfo.project.name === 'js') await expectNoA11yViolations(page)

  // Someone who is not on the contract finds nothing there.
  const response = await adminPage.goto(url)
  expect(response?.status()).toBe(404)
})

test('a contract that ended without paying for work offers no review, and says why', async ({ page }, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancer = await createAccountWithoutBrowser(makeUser('freelancer'))
  const { contractId } = await createFixedContract(client.email, freelancer.email, {
    milestones: [{ title: 'Logo', amountMinor: 50_000 }],
    endedDaysAgo: 0,
  })
  await page.goto(`/contracts/${contractId}/review`)
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Publish review' })).toHaveCount(0)
  await expect(
    page.getByText(
      'Nothing was paid on this contract, so neither side can review it: reviews need at least $5 of work paid through MegiLance.',
    ),
  ).toBeVisible()
  await expect(page.getByRole('region', { name: `Your review of ${freelancer.name}` })).toHaveCount(0)
})

test('the help centre is public and an unknown topic is 404', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('link', { name: 'Help', exact: true }).click()
  await expectPath(page, '/help')
  await expect(page.getByRole('heading', { level: 1, name: 'Help centre' })).toBeVisible()
  await page.getByRole('navigation', { name: 'Help topics' }).getByRole('link', { name: 'Fees' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Fees' })).toBeVisible()
  await expect(page.getByRole('article')).toContainText('10% of each payment released to a freelancer')
  await page.getByRole('navigation', { name: 'More help' }).getByRole('link', { name: 'Reviews' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible()
  await expect(page.getByRole('article')).toContainText('14 days')
  await page.goto('/help/ranking')
  await expect(page.getByRole('article').getByRole('link', { name: 'rank page' })).toHaveAttribute('href', '/rank')
  if (test.info().project.name === 'js') await expectNoA11yViolations(page)
  const missing = await page.goto('/help/no-such-topic')
  expect(missing?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'We could not find that page' })).toBeVisible()
})

// A newcomer asks in their own words: "withdraw" finds the payouts section, "2fa" the second factors.
test('the help centre search answers in a newcomer’s words and links to the section', async ({ page }) => {
  await page.goto('/help')
  const search = page.getByRole('search', { name: 'Help centre' })
  await search.getByLabel('Search the help centre').fill('how do I withdraw my money')
  await search.getByRole('button', { name: 'Search' }).click()
  const answers = page.getByRole('region', { name: /answers? for “how do I withdraw my money”/ })
  await expect(answers.getByRole('listitem').first()).toContainText('Standard payouts are free')
  if (test.info().project.name === 'js') await expectNoA11yViolations(page)
  await answers.getByRole('link', { name: 'Fees: Payouts' }).click()
  await expect(page).toHaveURL((url) => url.pathname === '/help/fees' && url.hash === '#payouts')
  await expect(page.locator('#payouts')).toContainText('3–5 business days')

  await page.goto('/help?q=2fa')
  await expect(page.getByLabel('Search the help centre')).toHaveValue('2fa')
  await page.getByRole('link', { name: 'Security and safety: Second factors (two-step sign-in)' }).click()
  await expect(page.getByRole('article').getByRole('link', { name: 'Settings → Security' })).toBeVisible()

  await page.goto('/help?q=xyzzy')
  await expect(page.getByRole('heading', { name: 'No answer for “xyzzy”' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'ask our team' })).toHaveAttribute('href', '/help/contact')
})

test('the contact form keeps values on an error, then reaches the admins', async ({ page, adminPage }) => {
  // A visitor and an admin in two browsers.
  test.setTimeout(60_000)
  const name = `Quinn ${Date.now().toString(36)}`
  const message = 'Is the 10% fee taken from the client or from the freelancer?'
  await page.goto('/help/contact')
  await page.getByLabel('Your name').fill(name)
  await page.getByLabel('Email').fill('quinn-at-example')
  await page.getByLabel('Topic').selectOption({ label: 'Payments, fees and escrow' })
  await page.getByLabel('Message').fill(message)
  await page.getByRole('button', { name: 'Send message' }).click()
  await expect(page.getByText('Enter a valid email address, so we can answer')).toBeVisible()
  await expect(page.getByLabel('Your name')).toHaveValue(name)
  await expect(page.getByLabel('Message')).toHaveValue(message)
  await expect(page.getByLabel('Topic')).toHaveValue('payments')
  if (test.info().project.name === 'js') await expectNoA11yViolations(page)
  await page.getByLabel('Email').fill('quinn@example.com')
  await page.getByRole('button', { name: 'Send message' }).click()
  await expectPath(page, '/help')
  await expect(toast(page)).toContainText('your message reached our team')

  await adminPage.goto('/admin/contact-requests')
  await adminPage.getByRole('link', { name }).click()
  await expect(adminPage.getByRole('article', { name: 'Their message' })).toContainText(message)
  await adminPage.getByLabel('Reply').fill('From the freelancer: the client pays exactly the milestone amount.')
  await adminPage.getByRole('button', { name: 'Send answer and mark answered' }).click()
  await expect(toast(adminPage)).toHaveText('Answer emailed to quinn@example.com; the request is marked answered.')
  await adminPage.getByRole('link', { name: 'Answered' }).click()
  await adminPage.getByRole('link', { name }).click()
  await expect(adminPage.getByRole('link', { name: /^Re: your question to MegiLance/ })).toBeVisible()
})

test('a signed-in user finds the contact form filled in', async ({ page }, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, makeUser('freelancer'), { at: '/help/contact' })
  await expect(page.getByLabel('Your name')).toHaveValue(user.name)
  await expect(page.getByLabel('Email')).toHaveValue(user.email)
})

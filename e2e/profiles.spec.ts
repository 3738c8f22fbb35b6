import fs from 'node:fs/promises'
import { DEMO_ACCOUNTS, expect, expectPath, makeUser, newBrowserContext, type Page, test, toast } from './fixtures'
import { signUpWithoutForm, signInWithoutForm } from './user-fixtures'
import { createReviewedHistory } from './profiles-fixtures'

// A valid 1×1 PNG.
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

async function publicProfileUrl(page: Page): Promise<string> {
  await page.goto('/settings')
  await page.getByRole('link', { name: 'See your public profile' }).click()
  await expect(page).toHaveURL(/\/freelancers\/[\w-]+$/)
  return new URL(page.url()).pathname
}

function fact(page: Page, term: string) {
  return page
    .locator('.profile-facts div')
    .filter({ has: page.getByRole('term').filter({ hasText: term }) })
    .getByRole('definition')
}

test('a freelancer fills the profile and portfolio; a client sees them on the public profile', async ({
  page,
  browser,
}, testInfo) => {
  test.slow() // two people, two sign-ups, a dozen pages
  const freelancer = await signUpWithoutForm(page, testInfo, makeUser('freelancer'), { at: '/settings' })
  await page.getByLabel('Headline').fill('Full-stack developer for small shops')
  await page.getByLabel('About you').fill('I build and run web shops.\nFrom the first sketch to the servers.')
  await page.getByLabel('Hourly rate').fill('60')
  await page.getByLabel('Skills').fill('JS, k8s, Basket weaving')
  await page.getByLabel('Availability').selectOption({ label: 'Available part time' })
  await page.getByLabel('Time zone').selectOption('Europe/Berlin')
  await page.getByLabel('Languages you speak').fill('English, Urdu, english')
  await page.getByRole('button', { name: 'Save profile' }).click()

  // The unknown skill is named, the synonyms are understood, and everything typed stays.
  await expect(
    page.getByText('Unknown skills: Basket weaving. Pick names from the list.', { exact: true }),
  ).toBeVisible()
  await expect(page.getByText('Understood so far: JavaScript, Kubernetes.', { exact: true })).toBeVisible()
  await expect(page.getByLabel('Skills')).toHaveValue('JS, k8s, Basket weaving')
  await expect(page.getByLabel('Headline')).toHaveValue('Full-stack developer for small shops')
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Berlin')
  await expect(page.getByLabel('Languages you speak')).toHaveValue('English, Urdu, english')
  await expect(toast(page)).toHaveCount(0)

  await page.getByLabel('Skills').fill('JS, k8s, typescript')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(toast(page)).toHaveText('Your profile is saved.')
  await page.reload()
  await expect(page.getByLabel('Skills')).toHaveValue('JavaScript, Kubernetes, TypeScript')
  await expect(page.getByRole('list', { name: 'On your profile as:' }).getByRole('listitem')).toHaveText([
    'JavaScript',
    'Kubernetes',
    'TypeScript',
  ])
  await expect(page.getByLabel('Languages you speak')).toHaveValue('English, Urdu')
  await expect(page.getByLabel('Availability')).toHaveValue('part_time')

  // Portfolio: an item with a PNG and a link, then a text file dressed as an image is refused.
  await page.getByRole('link', { name: 'Edit your portfolio' }).click()
  await expectPath(page, '/settings/portfolio')
  await expect(page.getByText('Your portfolio is empty.')).toBeVisible()
  const png = testInfo.outputPath('storefront.png')
  const fake = testInfo.outputPath('notes.png')
  await fs.writeFile(png, PIXEL_PNG)
  await fs.writeFile(fake, 'These are my notes, not a picture.\n')

  await page.getByLabel('Title').fill('Storefront for a bakery')
  await page.getByLabel('Description').fill('A shop with online ordering.')
  await page.getByLabel('Links').fill('https://bakery.example.com')
  await page.getByLabel('Images').setInputFiles(png)
  await page.getByRole('button', { name: 'Add to portfolio' }).click()
  await expect(toast(page)).toHaveText('“Storefront for a bakery” is in your portfolio.')
  await expect(page.getByRole('heading', { level: 3, name: 'Storefront for a bakery' })).toBeVisible()

  await page.getByLabel('Title').fill('Meeting notes')
  await page.getByLabel('Images').setInputFiles(fake)
  await page.getByRole('button', { name: 'Add to portfolio' }).click()
  await expect(
    page.getByText(
      '"notes.png" is not an accepted kind of file. Accepted: PNG, JPEG, WebP, GIF. Choose the images again.',
    ),
  ).toBeVisible()
  await expect(page.getByLabel('Title')).toHaveValue('Meeting notes')
  await expect(page.getByRole('heading', { level: 3, name: 'Meeting notes' })).toHaveCount(0)

  const profileUrl = await publicProfileUrl(page)
  await expect(page.getByRole('heading', { level: 1, name: freelancer.name })).toBeVisible()
  const image = page.getByRole('img', { name: 'Storefront for a bakery, image 1' })
  await expect(image).toBeVisible()
  const imageSrc = (await image.getAttribute('src')) ?? ''
  const imageResponse = await page.request.get(imageSrc)
  expect(imageResponse.status()).toBe(200)
  expect(imageResponse.headers()['content-type']).toBe('image/png')

  // A client (another person, another browser) sees the same profile.
  const clientContext = await newBrowserContext(browser, testInfo)
  const client = await clientContext.newPage()
  const clientUser = await signUpWithoutForm(client, testInfo, makeUser('client'))
  await client.goto(profileUrl)
  await expect(client.getByRole('heading', { level: 1, name: freelancer.name })).toBeVisible()
  await expect(client.getByText('Full-stack developer for small shops')).toBeVisible()
  await expect(client.getByRole('list', { name: 'Skills' }).getByRole('listitem')).toHaveText([
    'JavaScript',
    'Kubernetes',
    'TypeScript',
  ])
  await expect(fact(client, 'Time zone')).toHaveText('Europe/Berlin')
  await expect(fact(client, 'Languages')).toHaveText('English, Urdu')
  await expect(fact(client, 'Availability')).toHaveText('Available part time')
  await expect(fact(client, 'Experience')).toHaveText('Entry level')
  await expect(client.getByText('$60 / hour')).toBeVisible()
  const work = client.getByRole('article', { name: 'Storefront for a bakery' })
  await expect(work.getByRole('img', { name: 'Storefront for a bakery, image 1' })).toBeVisible()
  await expect(work.getByRole('link', { name: 'https://bakery.example.com' })).toBeVisible()
  await expect(client.getByText('No reviews to show yet.')).toBeVisible()
  await expect(client.getByRole('link', { name: 'How the rank is calculated' })).toHaveAttribute('href', '/rank')
  expect((await client.request.get(imageSrc)).status()).toBe(200)

  // Unknown ids and ids of the wrong role are 404; the client has a public client profile.
  expect((await client.goto('/freelancers/no-such-user'))?.status()).toBe(404)
  await expect(client.getByRole('heading', { level: 1, name: 'We could not find that page' })).toBeVisible()
  expect((await client.goto(profileUrl.replace('/freelancers/', '/clients/')))?.status()).toBe(404)
  expect((await client.goto('/portfolio/images/no-such-image'))?.status()).toBe(404)
  expect((await client.goto('/settings/portfolio'))?.status()).toBe(403)
  await client.goto('/settings')
  await client.getByLabel('Company').fill('Northwind Bakery')
  await client.getByLabel('Country').fill('Germany')
  await client.getByRole('button', { name: 'Save profile' }).click()
  await expect(toast(client)).toHaveText('Your profile is saved.')
  await client.getByRole('link', { name: 'See your public profile' }).click()
  await expect(client.getByRole('heading', { level: 1, name: clientUser.name })).toBeVisible()
  await expect(client.getByText('Northwind Bakery · Germany')).toBeVisible()
  await clientContext.close()
})

test('a freelancer edits and deletes a portfolio item and its images', async ({ page }, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  const png = testInfo.outputPath('logo.png')
  await fs.writeFile(png, PIXEL_PNG)
  await page.goto('/settings/portfolio')
  await page.getByLabel('Title').fill('Logo for a café')
  await page.getByLabel('Links').fill('not a link')
  await page.getByLabel('Images').setInputFiles(png)
  await page.getByRole('button', { name: 'Add to portfolio' }).click()
  await expect(page.getByText('Not a web address (use https://…): not')).toBeVisible()
  await page.getByLabel('Links').fill('')
  await page.getByLabel('Images').setInputFiles(png)
  await page.getByRole('button', { name: 'Add to portfolio' }).click()
  await expect(toast(page)).toHaveText('“Logo for a café” is in your portfolio.')

  await page.getByRole('link', { name: 'Edit Logo for a café' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Edit “Logo for a café”' })).toBeVisible()
  const src = await page.getByRole('img', { name: 'Logo for a café, image 1' }).getAttribute('src')
  await page.getByLabel('Title').fill('Logo for a bakery café')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(toast(page)).toHaveText('“Logo for a bakery café” is saved.')
  await expect(page.getByRole('heading', { level: 3, name: 'Logo for a bakery café' })).toBeVisible()

  await page.getByRole('link', { name: 'Edit Logo for a bakery café' }).click()
  await page.getByRole('button', { name: 'Remove image 1' }).click()
  await expect(toast(page)).toHaveText('The image is removed.')
  await expect(page.getByRole('img', { name: /image 1/ })).toHaveCount(0)
  expect((await page.request.get(src ?? '')).status()).toBe(404)

  await page.getByRole('button', { name: 'Delete “Logo for a bakery café”' }).click()
  await expect(toast(page)).toHaveText('“Logo for a bakery café” is deleted from your portfolio.')
  await expectPath(page, '/settings/portfolio')
  await expect(page.getByText('Your portfolio is empty.')).toBeVisible()
})

test('the rank page explains the formula and shows a freelancer their breakdown; reviews respect the double-blind rule', async ({
  page,
}, testInfo) => {
  // The formula is published to everyone, signed in or not.
  await page.goto('/rank')
  await expect(page.getByRole('list', { name: 'Rank factors and their weights' }).getByRole('listitem')).toHaveCount(5)
  await expect(page.getByRole('table', { name: /Your rank/ })).toHaveCount(0)

  const freelancer = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  const history = await createReviewedHistory(DEMO_ACCOUNTS.client.email, freelancer.email)

  await page.goto('/rank')
  await expect(page.getByRole('heading', { level: 1, name: 'Rank' })).toBeVisible()
  const formula = page.getByRole('list', { name: 'Rank factors and their weights' })
  await expect(formula.getByRole('heading', { name: 'Average rating · up to 35 points' })).toBeVisible()
  await expect(formula.getByRole('heading', { name: 'Job success · up to 30 points' })).toBeVisible()
  const own = page.getByRole('table', { name: /Your rank: \d+ out of 100/ })
  await expect(
    own.getByRole('row', { name: /Average rating 5\.0 stars from 1 review \(smoothed 4\.17\) 27\.7 of 35/ }),
  ).toBeVisible()
  await expect(own.getByRole('row', { name: /Job success 1 of 2 ended contracts paid/ })).toBeVisible()
  await expect(own.getByRole('row', { name: /On-time delivery 2 of 2 milestones on time/ })).toBeVisible()
  await expect(own.getByRole('row', { name: /Recent activity Active today/ })).toBeVisible()

  await page.goto(`/freelancers/${history.freelancerId}`)
  const reviews = page.getByRole('region', { name: 'Reviews' })
  await expect(reviews.getByText('5.0 out of 5 from 1 review')).toBeVisible()
  await expect(reviews.getByText(history.visibleComment)).toBeVisible()
  await expect(page.getByText(history.hiddenComment)).toHaveCount(0)
  await expect(page.locator('.stat').filter({ hasText: 'Completed contracts' })).toContainText('2')

  // A client sees the formula but no breakdown of their own, and the freelancer's review of them.
  await page.context().clearCookies()
  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.client.email, 'client', { at: '/rank' })
  await expect(page.getByRole('list', { name: 'Rank factors and their weights' })).toBeVisible()
  await expect(page.getByRole('table', { name: /Your rank/ })).toHaveCount(0)
  await page.goto(`/clients/${history.clientId}`)
  await expect(page.getByRole('heading', { level: 1, name: DEMO_ACCOUNTS.client.name })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Reviews' })).toContainText('Clear brief and quick payment')
})

test('a freelancer replies publicly to a review from their profile, changes the reply, and the client reads it', async ({
  page,
}, testInfo) => {
  const freelancer = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  const history = await createReviewedHistory(DEMO_ACCOUNTS.client.email, freelancer.email)

  await page.goto(`/freelancers/${history.freelancerId}`)
  const review = page.getByRole('article', { name: `Review by ${DEMO_ACCOUNTS.client.name}` })
  await review.getByRole('link', { name: 'Reply publicly' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Reply to a review' })).toBeVisible()
  await expect(page.getByText(history.visibleComment)).toBeVisible()

  // Contact details are refused, and what was typed stays.
  const box = page.getByRole('textbox', { name: /Your reply/ })
  await box.fill('Thanks! Write to me on WhatsApp +44 7700 900123 for the next one.')
  await page.getByRole('button', { name: 'Publish reply' }).click()
  await expect(page.getByText(/leave out email addresses, phone numbers/).first()).toBeVisible()
  await expect(box).toHaveValue(/WhatsApp/)

  await box.fill('Thank you, it was a pleasure to build this with you.')
  await page.getByRole('button', { name: 'Publish reply' }).click()
  await expect(toast(page)).toContainText('Your reply is published under the review.')
  await expectPath(page, `/freelancers/${history.freelancerId}`)
  await expect(review.getByText(`Reply from ${freelancer.name}`)).toBeVisible()
  await expect(review.getByText('Thank you, it was a pleasure to build this with you.')).toBeVisible()

  await review.getByRole('link', { name: 'Change or remove your reply' }).click()
  await page
    .getByRole('textbox', { name: /Your reply/ })
    .fill('Thank you, it was a pleasure to build this shop with you.')
  await page.getByRole('button', { name: 'Save reply' }).click()
  await expect(toast(page)).toContainText('Your reply is updated.')

  // The client who wrote the review reads the reply on the public profile, with no way to change it.
  await page.context().clearCookies()
  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.client.email, 'client', {
    at: `/freelancers/${history.freelancerId}`,
  })
  await expect(review.getByText(`Reply from ${freelancer.name}`)).toBeVisible()
  await expect(review.getByText('Thank you, it was a pleasure to build this shop with you.')).toBeVisible()
  await expect(review.getByRole('link', { name: /reply/i })).toHaveCount(0)
})

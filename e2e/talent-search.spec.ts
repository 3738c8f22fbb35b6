import { expect, expectPath, makeUser, test, toast } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'
import { createTalent } from './talent-fixtures'

test('a client finds talent, filters, opens a profile, then saves, renames and reruns the search', async ({
  page,
}, testInfo) => {
  const { keyword, designer } = await createTalent()
  await signUpWithoutForm(page, testInfo, makeUser('client'))
  await page
    .getByRole('navigation', { name: /portal/i })
    .getByRole('link', { name: 'Find talent' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Find talent' })).toBeVisible()

  // Keywords: the freelancer without a headline is never listed.
  await page.getByLabel('Keywords').fill(keyword)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByText(`3 freelancers · “${keyword}”`)).toBeVisible()
  const results = page.getByRole('list', { name: 'Matching freelancers' }).getByRole('article')
  await expect(results).toHaveCount(3)

  // A skill typed as people write it, and a rate range; the rule of the order is said beside it.
  await page.getByLabel('Has the skill').fill('figma')
  await page.getByLabel('Max').fill('50')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page.getByText(`1 freelancer · “${keyword}” · Figma · up to 50 an hour`)).toBeVisible()
  await expect(results).toHaveCount(1)
  await expect(results.first()).toContainText('$35 / hour')
  await expect(results.first()).toContainText('No reviews yet')
  await expect(page.getByRole('checkbox', { name: 'Figma' })).toBeChecked()
  await page.getByLabel('Sort by').selectOption('rate_low')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  // The new search re-mounts its form (keyed by the query), so open the rule only once it has arrived.
  await expect(page).toHaveURL(/sort=rate_low/)
  // The order's rule is one tap away (folded, so a phone sees the first result).
  await page.getByText('How this order works').click()
  await expect(page.getByText(/Rate: the lowest hourly rate first/)).toBeVisible()

  // Save it: the way to the form is at the top, the form under the results.
  await page.getByRole('link', { name: 'Save this search' }).click()
  await page.getByLabel('Name').fill(`Designers ${keyword}`)
  await page.getByRole('button', { name: 'Save search' }).click()
  await expectPath(page, '/saved-searches')
  await expect(toast(page)).toContainText(`Saved “Designers ${keyword}”.`)
  const row = page.getByRole('row', { name: new RegExp(`Designers ${keyword}`) })
  await expect(row).toContainText('Figma · up to 50 an hour')

  // Rename it in place.
  await row.getByLabel(`Name of the saved search “Designers ${keyword}”`).fill(`Logo people ${keyword}`)
  await row.getByRole('button', { name: 'Rename' }).click()
  await expect(toast(page)).toContainText(`Renamed “Designers ${keyword}” to “Logo people ${keyword}”.`)

  // Run it again: the same search, then open the freelancer's profile.
  await page.getByRole('link', { name: `Run Logo people ${keyword}` }).click()
  await expect(page.getByText(`1 freelancer · “${keyword}” · Figma · up to 50 an hour`)).toBeVisible()
  await results
    .first()
    .getByRole('link', { name: `Ines ${keyword}` })
    .click()
  await expectPath(page, `/freelancers/${designer.id}`)
  await expect(page.getByRole('heading', { level: 1, name: `Ines ${keyword}` })).toBeVisible()
})

test('a visitor searches talent without an account; nothing found says what to change', async ({ page }) => {
  const { keyword } = await createTalent()
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Find talent' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Find talent' })).toBeVisible()
  await page.goto(`/freelancers?q=${keyword}&skill=Python&min=70`)
  await expect(page.getByRole('heading', { name: 'No freelancers match' })).toBeVisible()
  await page.getByRole('link', { name: 'Any hourly rate' }).click()
  await expect(page.getByText(`1 freelancer · “${keyword}” · Python`)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Sign in' }).last()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save search' })).toHaveCount(0)

  // No one has both words: the page offers the search without the one that found nobody.
  await page.goto(`/freelancers?q=${keyword}+submarine`)
  await expect(page.getByText('None has all of your words. Leave one out:')).toBeVisible()
  await expect(page.getByText('finds 3 freelancers (without “submarine”)')).toBeVisible()
  await page.getByRole('link', { name: `“${keyword}”`, exact: true }).click()
  await expect(page.getByText(`3 freelancers · “${keyword}”`)).toBeVisible()
})

import { DEMO_ACCOUNTS, expect, expectPath, test, toast } from './fixtures'
import { signInWithoutForm } from './user-fixtures'
import { createSearchProjects } from './search-fixtures'

test('a freelancer searches, filters, pages, opens a result and saves the search', async ({ page }, testInfo) => {
  const { keyword } = await createSearchProjects({ react: 12, python: 10 })

  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.freelancer.email, 'freelancer', { at: '/projects' })
  await expect(page.getByRole('heading', { level: 1, name: 'Find work' })).toBeVisible()

  // Keywords: the hidden and the invite-only project never show.
  await page.getByLabel('Keywords').fill(keyword)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByText(`22 open projects · “${keyword}”`)).toBeVisible()
  const results = page.getByRole('list', { name: 'Matching projects' }).getByRole('article')
  await expect(results).toHaveCount(20)

  // Pagination keeps the search.
  await page.getByRole('link', { name: 'Next' }).click()
  await expect(page.getByText('Page 2 of 2')).toBeVisible()
  await expect(results).toHaveCount(2)
  await expect(page.getByLabel('Keywords')).toHaveValue(keyword)

  // A facet with its count; applying it narrows the results.
  await page.getByRole('checkbox', { name: 'React (12)' }).check()
  await page.getByRole('radio', { name: /Fixed price/ }).check()
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page.getByText(`12 open projects · “${keyword}” · React · fixed price`)).toBeVisible()
  await expect(results).toHaveCount(12)
  await expect(page.getByRole('checkbox', { name: 'React (12)' })).toBeChecked()
  await expect(results.first()).toContainText('Fixed $')

  // Save this search, then see it listed. The way to it is in sight above the twelve results; the form is below them.
  const saveLink = page.getByRole('link', { name: 'Save this search' })
  await expect(saveLink).toBeInViewport()
  await expect(page.getByLabel('Name')).not.toBeInViewport()
  await saveLink.click()
  await expect(page.getByLabel('Name')).toBeInViewport()
  await page.getByLabel('Name').fill(`React ${keyword}`)
  await page.getByRole('button', { name: 'Save search' }).click()
  await expectPath(page, '/saved-searches')
  await expect(toast(page)).toContainText(`Saved “React ${keyword}”.`)
  const row = page.getByRole('row', { name: new RegExp(`React ${keyword}`) })
  await expect(row).toContainText('fixed price')
  await expect(row).toContainText('On')

  // Run it again: the same filtered results.
  await row.getByRole('link', { name: `Run React ${keyword}` }).click()
  await expect(page.getByText(`12 open projects · “${keyword}” · React · fixed price`)).toBeVisible()

  // Opening a result goes to the project's page.
  const first = results.first().getByRole('link')
  const href = await first.getAttribute('href')
  expect(href).toMatch(/^\/projects\/[0-9a-f-]{36}$/)
  await first.click()
  await expectPath(page, href!)
})

test('odd keywords never break the search, and an empty result says what to change', async ({ page }, testInfo) => {
  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.freelancer.email, 'freelancer')
  await page.goto('/projects?q=%22unclosed%20AND%20*%20NEAR(%20OR%20-%20%5E&skill=Nope&min=abc')
  await expect(page.getByRole('heading', { level: 1, name: 'Find work' })).toBeVisible()
  await expect(page.getByText('Minimum budget must be a number; it was ignored.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No open projects match' })).toBeVisible()
  await page.getByRole('link', { name: 'Remove the skill Nope' }).click()
  await expect(page).toHaveURL((url) => !url.searchParams.has('skill') && url.searchParams.has('q'))
})

test('plurals, misspelt words and misspelt skills still lead to the work', async ({ page }, testInfo) => {
  const { keyword } = await createSearchProjects({ react: 2, python: 2 })
  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.freelancer.email, 'freelancer')

  // The projects say "developer"; "developers" finds them too.
  await page.goto('/projects')
  await page.getByLabel('Keywords').fill(`${keyword} developers`)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByText(`4 open projects · “${keyword} developers”`)).toBeVisible()

  // "dashbord" is not a word: the page offers the search spelt right, and says what it finds.
  await page.getByLabel('Keywords').fill(`${keyword} dashbord`)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByText('It finds 4 projects.')).toBeVisible()
  await page.getByRole('link', { name: `“${keyword} dashboard”` }).click()
  await expect(page.getByText(`4 open projects · “${keyword} dashboard”`)).toBeVisible()

  // No project has both words: the page offers the search without the one that found nothing.
  await page.getByLabel('Keywords').fill(`${keyword} submarine`)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByText('None has all of your words. Leave one out:')).toBeVisible()
  await expect(page.getByText('finds 4 projects (without “submarine”)')).toBeVisible()
  await page.getByRole('link', { name: `“${keyword}”`, exact: true }).click()
  await expect(page.getByText(`4 open projects · “${keyword}”`)).toBeVisible()

  // Nothing is spelt "pyhton": the search finds the skill it means, Python.
  await page.getByLabel('Keywords').fill(`${keyword} pyhton`)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByText(`2 open projects · “${keyword} pyhton”`)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No open projects match' })).toBeHidden()
})

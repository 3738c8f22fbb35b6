import { expect, test } from './fixtures'

// On a phone the results come before the long list of filters; a link near the top leads to them.
for (const { path, results, filter } of [
  { path: '/projects', results: 'Matching projects', filter: 'Hourly' },
  { path: '/freelancers', results: 'Matching freelancers', filter: 'Available full time' },
]) {
  test(`${path} at 360 px shows results first and the filters on demand`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 })
    await page.goto(path)
    const first = page.getByRole('list', { name: results }).getByRole('listitem').first()
    await expect(first).toBeInViewport()
    const filters = page.getByRole('region', { name: 'Filters' })
    await expect(filters).not.toBeInViewport()
    if (path === '/freelancers') {
      // The sort's rule is folded away, one tap from view.
      await page.getByText('How this order works').click()
      await expect(page.getByRole('link', { name: 'The rank formula' })).toBeVisible()
    }

    await page.getByRole('link', { name: /^Filters/ }).click()
    await expect(filters.getByRole('heading', { name: 'Filters' })).toBeInViewport()
    // The filters are still part of the search form: applying one keeps the keywords box's search.
    await filters.getByRole('radio', { name: new RegExp(`^${filter}`) }).check()
    await filters.getByRole('button', { name: 'Apply filters' }).click()
    await expect(page).toHaveURL(/[?&](type=hourly|available=full_time)/)
    await expect(filters.getByRole('radio', { name: new RegExp(`^${filter}`) })).toBeChecked()
    // One search form and one set of filters after the new search, not the old ones left beside them.
    await expect(page.getByRole('search')).toHaveCount(1)
    await expect(page.getByRole('region', { name: 'Filters' })).toHaveCount(1)
    await expect(page.getByRole('list', { name: results }).getByRole('listitem').first()).toBeInViewport()
  })
}

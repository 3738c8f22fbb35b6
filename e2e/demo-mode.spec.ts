import { expect, type Page, test } from './fixtures'

const banner = (page: Page) => page.getByRole('complementary', { name: 'Demo data' })

test('the demo says so on every page, readable on a narrow phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  for (const path of ['/', '/sign-in', '/projects']) {
    await page.goto(path)
    await expect(banner(page)).toContainText('Demo data.')
    await expect(banner(page)).toContainText('every demo account shares a published password')
    const box = await banner(page).boundingBox()
    expect(box?.width).toBeLessThanOrEqual(360)
  }
})
